using OcopFairs.Abstractions;

namespace OcopFairs.Domain;

/// <summary>How a refusal is answered: 404, 409 or 422.</summary>
public enum RefusalKind { NotFound, Conflict, Refused }

/// <summary>A rule's no: a stable code the server localizes, its kind, an English message and what it is about.</summary>
public sealed record Refusal(string Code, RefusalKind Kind, string Message, IReadOnlyList<string>? Items = null);

/// <summary>What a booth rule answers: the booth's next occupation, the same one again (a repeat), or a refusal.</summary>
public abstract record BoothDecision
{
    private BoothDecision()
    {
    }

    /// <summary>The booth becomes <paramref name="Next"/> (free: <see cref="BoothSlot.Free"/>).</summary>
    public sealed record Change(BoothSlot Next) : BoothDecision;

    /// <summary>Nothing to do: the request is already true of the booth.</summary>
    public sealed record Unchanged(BoothSlot Current) : BoothDecision;

    public sealed record Refused(Refusal Refusal) : BoothDecision;
}

/// <summary>
/// What the floor knows about one booth when it decides: the fair's rules as the floor has them (null: the fair never
/// told the floor), the booth as planned (null: not on the plan), its zone, its occupation, and how many booths the
/// asking producer holds or has confirmed.
/// </summary>
public readonly record struct BoothFacts(FloorRules? Rules, BoothSpec? Booth, Zone? Zone, BoothSlot Slot, int ProducerBooths);

/// <summary>
/// Every decision about a booth, as pure functions of the facts: the floor grain gathers the facts, calls one of these,
/// commits the change and publishes it. Invariants (Domain property tests try to break them): a booth has at most one
/// holder; without an organiser's override, no producer holds more booths than the fair allows, no booth is held
/// outside a zone that takes the holder's groups, and only approved exhibitors hold or are assigned booths.
/// </summary>
public static class BoothRules
{
    /// <summary>The longest override reason kept.</summary>
    public const int MaxOverrideReason = 500;

    /// <summary>Refusal codes an organiser may override, with a reason, when assigning a booth.</summary>
    public static readonly IReadOnlySet<string> Overridable = new HashSet<string>(StringComparer.Ordinal)
    {
        "booth.notApproved", "booth.zoneMismatch", "booth.limit",
    };

    /// <summary>An approved exhibitor holds a free booth, in a zone that takes its groups, within the fair's limit.</summary>
    public static BoothDecision Hold(BoothFacts f, Holder holder, DateTimeOffset now, string holdId)
    {
        if (f.Booth is not { } booth) return NotOnPlan();
        if ((OpenForHolds(f.Rules) ?? ApprovedExhibitor(holder) ?? ZoneFits(booth, f.Zone, holder)) is { } refusal) return new BoothDecision.Refused(refusal);
        if (f.Slot.Status == BoothStatus.Held && f.Slot.ProducerId == holder.ProducerId) return new BoothDecision.Unchanged(f.Slot);
        if ((Free(booth, f.Slot) ?? WithinLimit(f.Rules!, f.ProducerBooths)) is { } taken) return new BoothDecision.Refused(taken);
        return new BoothDecision.Change(new BoothSlot(BoothStatus.Held, holder.ProducerId, holder.ProducerName, now.AddMinutes(f.Rules!.HoldMinutes), holdId));
    }

    /// <summary>The holder confirms its hold; confirming a confirmed booth again changes nothing.</summary>
    public static BoothDecision Confirm(BoothFacts f, string producerId)
    {
        if (f.Booth is not { } booth) return NotOnPlan();
        if (f.Slot.ProducerId != producerId || f.Slot.Status is not (BoothStatus.Held or BoothStatus.Confirmed)) return NotHeldBy(booth);
        if (f.Slot.Status == BoothStatus.Confirmed) return new BoothDecision.Unchanged(f.Slot);
        return new BoothDecision.Change(f.Slot with { Status = BoothStatus.Confirmed, HoldExpiresAt = null, HoldId = null });
    }

    /// <summary>The holder lets its booth go (held or confirmed); releasing a free booth changes nothing.</summary>
    public static BoothDecision Release(BoothFacts f, string producerId)
    {
        if (f.Booth is not { } booth) return NotOnPlan();
        if (f.Slot.Status == BoothStatus.Free) return new BoothDecision.Unchanged(f.Slot);
        if (f.Slot.ProducerId != producerId) return NotHeldBy(booth);
        return new BoothDecision.Change(BoothSlot.Free);
    }

    /// <summary>
    /// The organiser places a producer on a booth, confirmed, under the same rules as a hold (approved exhibitor, zone,
    /// limit) in any allocation mode while the fair is not closed. A refusal in <see cref="Overridable"/> becomes an
    /// explicit override when the organiser gives a reason, which the booth then carries.
    /// </summary>
    public static BoothDecision Assign(BoothFacts f, Holder holder, string? overrideReason = null)
    {
        if (f.Booth is not { } booth) return NotOnPlan();
        if (NotClosed(f.Rules) is { } closed) return new BoothDecision.Refused(closed);
        var own = f.Slot.ProducerId == holder.ProducerId && f.Slot.Status is BoothStatus.Held or BoothStatus.Confirmed;
        if (!own && Free(booth, f.Slot) is { } taken) return new BoothDecision.Refused(taken);

        var broken = ApprovedExhibitor(holder) ?? ZoneFits(booth, f.Zone, holder) ?? (own ? null : WithinLimit(f.Rules!, f.ProducerBooths));
        var reason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim();
        if (broken is not null && (reason is null || !Overridable.Contains(broken.Code))) return new BoothDecision.Refused(broken);

        var next = new BoothSlot(BoothStatus.Confirmed, holder.ProducerId, holder.ProducerName, null, null)
        {
            OverrideReason = broken is null ? null : reason,
        };
        return f.Slot == next ? new BoothDecision.Unchanged(f.Slot) : new BoothDecision.Change(next);
    }

    /// <summary>The organiser frees a held or confirmed booth; a blocked one is unblocked instead.</summary>
    public static BoothDecision Unassign(BoothFacts f) => f switch
    {
        { Booth: null } => NotOnPlan(),
        { Slot.Status: BoothStatus.Free } => new BoothDecision.Unchanged(f.Slot),
        { Slot.Status: BoothStatus.Blocked } => Refuse("booth.blocked", RefusalKind.Conflict, $"Booth {f.Booth.Code} is blocked; unblock it instead."),
        _ => new BoothDecision.Change(BoothSlot.Free),
    };

    /// <summary>The organiser takes a free booth off the market; a held or confirmed one cannot be blocked.</summary>
    public static BoothDecision Block(BoothFacts f) => f switch
    {
        { Booth: null } => NotOnPlan(),
        { Slot.Status: BoothStatus.Blocked } => new BoothDecision.Unchanged(f.Slot),
        { Slot.Status: BoothStatus.Free } => new BoothDecision.Change(new BoothSlot(BoothStatus.Blocked, null, null, null, null)),
        _ => Refuse("booth.taken", RefusalKind.Conflict, $"Booth {f.Booth.Code} is {f.Slot.Status} and cannot be blocked."),
    };

    /// <summary>The organiser puts a blocked booth back on the market.</summary>
    public static BoothDecision Unblock(BoothFacts f) => f switch
    {
        { Booth: null } => NotOnPlan(),
        { Slot.Status: BoothStatus.Free } => new BoothDecision.Unchanged(f.Slot),
        { Slot.Status: BoothStatus.Blocked } => new BoothDecision.Change(BoothSlot.Free),
        _ => Refuse("booth.notBlocked", RefusalKind.Conflict, $"Booth {f.Booth.Code} is {f.Slot.Status}, not blocked."),
    };

    /// <summary>
    /// A hold whose time is up is released, if it is still the hold the expiry was scheduled for; anything else (another
    /// hold since, a confirmation, a booth no longer planned, time not up) is left as it is.
    /// </summary>
    public static BoothDecision Expire(BoothFacts f, string holdId, DateTimeOffset now) =>
        f.Booth is not null && f.Slot is { Status: BoothStatus.Held } && f.Slot.HoldId == holdId && f.Slot.HoldExpiresAt <= now
            ? new BoothDecision.Change(BoothSlot.Free)
            : new BoothDecision.Unchanged(f.Slot);

    /// <summary>A plan may replace the current one unless it drops booths that are held or confirmed; blocked booths may go.</summary>
    public static Refusal? PlanChange(IReadOnlyDictionary<string, BoothSlot> occupation, FloorPlan next)
    {
        var kept = (next.Booths.IsDefault ? [] : next.Booths).Select(b => b.Code).ToHashSet(StringComparer.Ordinal);
        var lost = occupation.Where(b => !kept.Contains(b.Key) && b.Value.Status is BoothStatus.Held or BoothStatus.Confirmed)
            .Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
        return lost.Count == 0
            ? null
            : new Refusal("floorPlan.boothInUse", RefusalKind.Conflict, $"Booths in use cannot be removed: {string.Join(", ", lost)}", lost);
    }

    /// <summary>Producers hold booths only while the fair is published and not closed, and only when it is first come, first served.</summary>
    public static Refusal? OpenForHolds(FloorRules? rules) => rules switch
    {
        null or { Status: not (FairStatus.Published or FairStatus.RegistrationClosed or FairStatus.Live) } =>
            new Refusal("booth.holdsClosed", RefusalKind.Conflict, "Booths cannot be held while the fair is not open."),
        { AllocationMode: AllocationMode.Organiser } =>
            new Refusal("booth.organiserAllocates", RefusalKind.Conflict, "In this fair the organiser allocates the booths."),
        _ => null,
    };

    /// <summary>The organiser changes booths until the fair is closed.</summary>
    public static Refusal? NotClosed(FloorRules? rules) =>
        rules is null or { Status: FairStatus.Closed }
            ? new Refusal("booth.fairClosed", RefusalKind.Conflict, "The fair is closed; its booths no longer change.")
            : null;

    /// <summary>The organiser's automatic allocation is for fairs in Organiser mode that are not closed.</summary>
    public static Refusal? AllocatedByOrganiser(FloorRules? rules) =>
        NotClosed(rules) ?? (rules!.AllocationMode == AllocationMode.Organiser
            ? null
            : new Refusal("allocation.firstCome", RefusalKind.Conflict, "In this fair producers hold booths first come, first served."));

    /// <summary>Only exhibitors whose application is approved hold or are given booths.</summary>
    public static Refusal? ApprovedExhibitor(Holder holder) =>
        holder.Application == ApplicationStatus.Approved
            ? null
            : new Refusal("booth.notApproved", RefusalKind.Refused, $"Producer {holder.ProducerId} is not an approved exhibitor of this fair.");

    /// <summary>A booth's zone must take at least one of the groups the producer exhibits.</summary>
    public static Refusal? ZoneFits(BoothSpec booth, Zone? zone, Holder holder) =>
        zone is not null && !zone.Groups.IsDefault && zone.Groups.Intersect(holder.Groups.IsDefault ? [] : holder.Groups).Any()
            ? null
            : new Refusal("booth.zoneMismatch", RefusalKind.Refused, $"Zone {booth.Zone} does not take the producer's product groups.");

    /// <summary>A producer holds or has confirmed at most the fair's booths per producer.</summary>
    public static Refusal? WithinLimit(FloorRules rules, int producerBooths) =>
        producerBooths < rules.BoothsPerProducer
            ? null
            : new Refusal("booth.limit", RefusalKind.Conflict, $"The producer already has {producerBooths} booth(s), the fair's limit.");

    private static Refusal? Free(BoothSpec booth, BoothSlot slot) =>
        slot.Status == BoothStatus.Free ? null : new Refusal("booth.taken", RefusalKind.Conflict, $"Booth {booth.Code} is {slot.Status}.");

    private static BoothDecision NotOnPlan() =>
        Refuse("booth.notFound", RefusalKind.NotFound, "The booth is not on the floor plan.");

    private static BoothDecision NotHeldBy(BoothSpec booth) =>
        Refuse("booth.notHeld", RefusalKind.Conflict, $"Booth {booth.Code} is not held by this producer.");

    private static BoothDecision.Refused Refuse(string code, RefusalKind kind, string message) => new(new Refusal(code, kind, message));
}
