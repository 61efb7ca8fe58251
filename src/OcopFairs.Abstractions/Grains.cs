using Orleans.Concurrency;
using Orleans.Runtime;
using System.Collections.Immutable;

namespace OcopFairs.Abstractions;

/// <summary>A fair [fairId]: details and lifecycle; its floor plan and booths are the <see cref="IFloorGrain"/> of the same key.</summary>
public interface IFairGrain : IGrainWithStringKey
{
    /// <summary>Creates the fair in Draft. Calling again with the same details returns the existing fair.</summary>
    Task<FairView> CreateAsync(FairDetails details, string organiserId);

    /// <summary>The fair, or null when it was never created.</summary>
    Task<FairView?> GetAsync();

    /// <summary>Replaces the floor plan; refused while a booth that would disappear is held or confirmed.</summary>
    Task<FloorView> SetFloorPlanAsync(FloorPlan plan);

    Task<FloorView> GetFloorAsync();

    /// <summary>Events after <paramref name="sinceVersion"/>, or a snapshot when the backlog does not reach back.</summary>
    Task<FairChanges> GetChangesSinceAsync(long sinceVersion);

    /// <summary>Replaces the details (already validated); a closed fair is not edited.</summary>
    Task<FairView> UpdateDetailsAsync(FairDetails details);

    /// <summary>Moves the fair along its lifecycle; 409 when the lifecycle or the fair's readiness forbids it.</summary>
    Task<FairView> MoveToAsync(FairStatus status);

}

/// <summary>The list of fairs [0], kept so that fairs can be listed without activating each one.</summary>
public interface IFairDirectoryGrain : IGrainWithIntegerKey
{
    Task UpsertAsync(FairSummary summary);

    Task<ImmutableArray<FairSummary>> ListAsync();
}

/// <summary>A producer [producerId]: profile and OCOP catalogue.</summary>
public interface IProducerGrain : IGrainWithStringKey
{
    Task<ProducerView> SaveProfileAsync(ProducerProfile profile, string? ownerUserId);

    Task<ProducerView> SaveProductAsync(Product product);

    Task<ProducerView?> GetAsync();

    /// <summary>Removes a product; returns false when there was none with that id.</summary>
    Task<bool> DeleteProductAsync(string productId);
}

/// <summary>
/// A producer's application to one fair [fairId/producerId]: the current application, its eligibility, the review
/// decision and its waitlist place. One live application per producer per fair.
/// </summary>
public interface IExhibitorGrain : IGrainWithStringKey
{
    /// <summary>Checks eligibility without applying.</summary>
    Task<Eligibility> CheckAsync(ApplicationRequest request);

    /// <summary>Applies; refused (422) with every reason when ineligible, 409 while a live application exists.</summary>
    Task<ApplicationView> SubmitAsync(ApplicationRequest request);

    Task<ApplicationView?> GetAsync();

    Task<ApplicationView> ApproveAsync();

    Task<ApplicationView> RejectAsync(string reason);

    Task<ApplicationView> WaitlistAsync();

    /// <summary>The producer withdraws, until the fair starts; an approved place goes to the waitlist.</summary>
    Task<ApplicationView> WithdrawAsync();

    /// <summary>Approves a waitlisted application that is still eligible; false when it is not (any more) waitlisted or eligible.</summary>
    Task<bool> PromoteFromWaitlistAsync();
}

/// <summary>A user's notifications [userId].</summary>
public interface INotificationInboxGrain : IGrainWithStringKey
{
    /// <summary>Adds the notification unless one with the same key is already there; returns whether it was added.</summary>
    Task<bool> DeliverAsync(Notification notification);

    Task<ImmutableArray<Notification>> ListAsync(bool unreadOnly);

    Task<bool> MarkReadAsync(string notificationId);
}

/// <summary>A node's window onto its local SignalR hub, registered with <see cref="IHubDirectoryGrain"/>.</summary>
public interface IFairHubObserver : IGrainObserver
{
    [OneWay]
    Task OnFairEventsAsync(ImmutableArray<FairEvent> events);

    [OneWay]
    Task OnPrivateEventAsync(PrivateEvent privateEvent);
}

/// <summary>Which nodes have a hub [0]. Entries of silos that cluster membership no longer lists as active are dropped.</summary>
public interface IHubDirectoryGrain : IGrainWithIntegerKey
{
    Task RegisterAsync(SiloAddress silo, IFairHubObserver observer);

    Task<ImmutableArray<IFairHubObserver>> GetObserversAsync();
}

/// <summary>
/// Fans private events (to one user) out to every node's hub; a stateless worker, so each silo has its own. Floor
/// events go from the floor grain to the hubs directly (see <c>FloorGrain</c>).
/// </summary>
public interface IPushGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task PublishPrivateAsync(PrivateEvent privateEvent);
}
