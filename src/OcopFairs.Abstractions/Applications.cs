using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

public enum ApplicationStatus { Submitted, Approved, Waitlisted, Rejected, Withdrawn }

/// <summary>Whether the products' certificates last through the fair, seen today.</summary>
public enum CertificateState { Valid, ExpiringSoon, Expired }

[GenerateSerializer, Immutable, Alias("ocop.BoothPreferences")]
public sealed record BoothPreferences(
    [property: Id(0)] ImmutableArray<BoothType> Types,
    [property: Id(1)] ImmutableArray<string> Zones);

[GenerateSerializer, Immutable, Alias("ocop.BoothNeeds")]
public sealed record BoothNeeds(
    [property: Id(0)] bool Power,
    [property: Id(1)] bool ColdStorage,
    [property: Id(2)] bool Water);

/// <summary>One reason an application is not eligible; <see cref="ProductId"/> names the product it is about.</summary>
[GenerateSerializer, Immutable, Alias("ocop.EligibilityReason")]
public sealed record EligibilityReason(
    [property: Id(0)] string Code,
    [property: Id(1)] string? ProductId);

[GenerateSerializer, Immutable, Alias("ocop.Eligibility")]
public sealed record Eligibility(
    [property: Id(0)] bool Eligible,
    [property: Id(1)] ImmutableArray<EligibilityReason> Reasons);

/// <summary>What a producer sends to apply.</summary>
[GenerateSerializer, Immutable, Alias("ocop.ApplicationRequest")]
public sealed record ApplicationRequest(
    [property: Id(0)] ImmutableArray<string> ProductIds,
    [property: Id(1)] BoothPreferences? BoothPreferences,
    [property: Id(2)] BoothNeeds? Needs,
    [property: Id(3)] string? Note);

/// <summary>The products as they were when the producer applied.</summary>
[GenerateSerializer, Immutable, Alias("ocop.AppliedProduct")]
public sealed record AppliedProduct(
    [property: Id(0)] string ProductId,
    [property: Id(1)] string Name,
    [property: Id(2)] ProductGroup Group,
    [property: Id(3)] int Stars,
    [property: Id(4)] DateOnly CertificateExpiresOn);

[GenerateSerializer, Immutable, Alias("ocop.ApplicationView")]
public sealed record ApplicationView(
    [property: Id(0)] string ApplicationId,
    [property: Id(1)] string FairId,
    [property: Id(2)] string ProducerId,
    [property: Id(3)] string ProducerName,
    [property: Id(4)] string District,
    [property: Id(5)] ApplicationStatus Status,
    [property: Id(6)] ImmutableArray<AppliedProduct> Products,
    [property: Id(7)] BoothPreferences? BoothPreferences,
    [property: Id(8)] BoothNeeds? Needs,
    [property: Id(9)] string? Note,
    [property: Id(10)] Eligibility Eligibility,
    [property: Id(11)] string? RejectionReason,
    [property: Id(12)] DateTimeOffset SubmittedAt,
    [property: Id(13)] DateTimeOffset? DecidedAt,
    [property: Id(14)] DateTimeOffset? WaitlistedAt,
    [property: Id(15)] string? OwnerUserId);
