namespace OcopFairs.Abstractions;

/// <summary>Lifecycle of a fair: Draft → Published → RegistrationClosed → Live → Closed.</summary>
public enum FairStatus { Draft, Published, RegistrationClosed, Live, Closed }

/// <summary>OCOP product groups under Decision 148/QĐ-TTg (2023).</summary>
public enum ProductGroup { Food, Beverages, Herbal, Handicrafts, Ornamental, Tourism }

public enum BoothType { Standard, Corner, Premium, Outdoor }

public enum BoothStatus { Free, Held, Confirmed, Blocked }

public enum AllocationMode { FirstCome, Organiser }

public enum ProducerKind { Cooperative, Enterprise, Household }

public enum CertificateLevel { District, Province, Central }

/// <summary>Names of the roles an account can have.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Organiser = "Organiser";
    public const string Producer = "Producer";
    public const string Buyer = "Buyer";

    public static readonly IReadOnlyList<string> All = [Admin, Organiser, Producer, Buyer];
}

/// <summary>Event type names carried by <see cref="FairEvent.Type"/> and <see cref="PrivateEvent.Type"/>.</summary>
public static class EventTypes
{
    public const string BoothChanged = "BoothChanged";
    public const string FairChanged = "FairChanged";
    public const string BoardChanged = "BoardChanged";
    public const string Notification = "Notification";
    public const string ApplicationChanged = "ApplicationChanged";
    public const string MeetingChanged = "MeetingChanged";
    public const string MatchesChanged = "MatchesChanged";
    public const string DealSigned = "DealSigned";
    public const string DealChanged = "DealChanged";
}
