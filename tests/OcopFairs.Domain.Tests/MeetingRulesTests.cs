using System.Collections.Immutable;
using CsCheck;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Domain.Tests;

public class MeetingRulesTests
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly DateOnly Day = new(2027, 1, 5);

    // 08:00–10:00 local in 20-minute slots: 6 slots, the first at 01:00 UTC.
    private static readonly MatchingHours Hours = new([new MatchingDay(Day, new TimeOnly(8, 0), new TimeOnly(10, 0))], 20, 60);
    private static readonly DateTimeOffset Slot0 = new(2027, 1, 5, 1, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Slot0.AddDays(-2);
    private static readonly MeetingPlace Booth = new("A01", null, 2);

    private static SlotFacts Facts(IEnumerable<Meeting>? involved = null, DateTimeOffset? now = null, MatchingHours? hours = null, BuyerKind? kind = BuyerKind.Supermarket, MeetingPlace? place = null) =>
        new(hours ?? Hours, Hanoi, now ?? Now, kind, place ?? Booth, [.. involved ?? []]);

    private static Meeting Requested(string buyer = "b1", string producer = "p1", DateTimeOffset? at = null, MeetingPlace? place = null, DateTimeOffset? now = null) =>
        Assert.IsType<MeetingDecision.Change>(MeetingRules.Request(Facts(now: now, place: place), $"m-{buyer}-{producer}", "f", buyer, producer, at ?? Slot0, null)).Next;

    private static string Refused(MeetingDecision d) => Assert.IsType<MeetingDecision.Refused>(d).Refusal.Code;

    [Fact]
    public void The_grid_is_cut_in_the_fairs_time_zone_and_keeps_only_whole_slots()
    {
        var slots = MeetingRules.Slots(Hours with { Days = [new MatchingDay(Day, new TimeOnly(8, 0), new TimeOnly(9, 50))] }, Hanoi);
        Assert.Equal(5, slots.Count);
        Assert.Equal(Slot0, slots[0]);
        Assert.Equal(Slot0.AddMinutes(80), slots[^1]);
    }

    [Fact]
    public void A_request_waits_on_the_producer_and_expires_at_the_latest_at_its_slot()
    {
        var m = Requested();
        Assert.Equal((MeetingStatus.Requested, MeetingSide.Producer, Now.AddMinutes(60)), (m.Status, m.AwaitingSide, m.ExpiresAt));
        var late = Requested(now: Slot0.AddMinutes(-10));
        Assert.Equal(Slot0, late.ExpiresAt);
    }

    [Theory]
    [InlineData(7)] // off the grid
    [InlineData(-1440)] // the day before: not a slot
    [InlineData(120)] // 10:00, past closing
    public void A_time_that_is_not_a_slot_is_refused(int minutesFromFirstSlot) =>
        Assert.Equal("meeting.offGrid", Refused(MeetingRules.Request(Facts(), "m", "f", "b1", "p1", Slot0.AddMinutes(minutesFromFirstSlot), null)));

    [Fact]
    public void Past_slots_unregistered_buyers_non_exhibitors_and_fairs_without_hours_are_refused()
    {
        Assert.Equal("meeting.past", Refused(MeetingRules.Request(Facts(now: Slot0.AddMinutes(5)), "m", "f", "b1", "p1", Slot0, null)));
        Assert.Equal("meeting.notRegistered", Refused(MeetingRules.Request(Facts(kind: null), "m", "f", "b1", "p1", Slot0, null)));
        Assert.Equal("meeting.notExhibiting", Refused(MeetingRules.Request(Facts() with { Place = null }, "m", "f", "b1", "p1", Slot0, null)));
        Assert.Equal("meeting.noHours", Refused(MeetingRules.Request(Facts() with { Hours = null }, "m", "f", "b1", "p1", Slot0, null)));
    }

    [Fact]
    public void An_expired_request_frees_its_slot_without_waiting_for_the_sweep()
    {
        var table = new MeetingPlace(null, "T1", 1);
        var first = Requested("b1", "p1", place: table);
        Assert.Equal("meeting.slotTaken", Refused(MeetingRules.Request(Facts([first], place: table), "m2", "f", "b2", "p1", Slot0, null)));
        var later = Now.AddMinutes(61);
        Assert.IsType<MeetingDecision.Change>(MeetingRules.Request(Facts([first], now: later, place: table), "m2", "f", "b2", "p1", Slot0, null));
        Assert.Equal(MeetingStatus.Expired, Assert.IsType<MeetingDecision.Change>(MeetingRules.Expire(first, later)).Next.Status);
        Assert.IsType<MeetingDecision.Unchanged>(MeetingRules.Expire(first, Now));
    }

    [Fact]
    public void Only_the_awaited_side_answers_and_a_decline_needs_a_reason()
    {
        var m = Requested();
        Assert.Equal("meeting.notYourTurn", Refused(MeetingRules.Accept(m, MeetingSide.Buyer, Now)));
        Assert.Equal("meeting.reasonRequired", Refused(MeetingRules.Decline(m, MeetingSide.Producer, " ", Now)));
        var accepted = Assert.IsType<MeetingDecision.Change>(MeetingRules.Accept(m, MeetingSide.Producer, Now)).Next;
        Assert.Equal((MeetingStatus.Accepted, (DateTimeOffset?)null, 2L), (accepted.Status, accepted.ExpiresAt, accepted.Version));
        Assert.IsType<MeetingDecision.Unchanged>(MeetingRules.Accept(accepted, MeetingSide.Producer, Now));
        Assert.Equal("meeting.expired", Refused(MeetingRules.Accept(m, MeetingSide.Producer, Now.AddHours(2))));
    }

    [Fact]
    public void A_proposal_moves_the_meeting_and_waits_on_the_other_side()
    {
        var m = Assert.IsType<MeetingDecision.Change>(MeetingRules.Accept(Requested(), MeetingSide.Producer, Now)).Next;
        var moved = Assert.IsType<MeetingDecision.Change>(MeetingRules.Propose(Facts([m]), m, MeetingSide.Producer, Slot0.AddMinutes(40))).Next;
        Assert.Equal((MeetingStatus.Requested, MeetingSide.Buyer, Slot0.AddMinutes(40), Slot0.AddMinutes(60)), (moved.Status, moved.AwaitingSide, moved.StartsAt, moved.EndsAt));
        var other = Requested("b1", "p2", Slot0.AddMinutes(20));
        Assert.Equal("meeting.buyerBusy", Refused(MeetingRules.Propose(Facts([m, other]), m, MeetingSide.Producer, Slot0.AddMinutes(20))));
    }

    [Fact]
    public void Two_sided_check_in_makes_it_Held_one_side_alone_is_Disputed_and_neither_is_NoShow()
    {
        var m = Assert.IsType<MeetingDecision.Change>(MeetingRules.Accept(Requested(), MeetingSide.Producer, Now)).Next;
        Assert.Equal("meeting.checkInClosed", Refused(MeetingRules.CheckIn(m, MeetingSide.Buyer, Slot0.AddMinutes(-30))));
        var buyerIn = Assert.IsType<MeetingDecision.Change>(MeetingRules.CheckIn(m, MeetingSide.Buyer, Slot0.AddMinutes(2))).Next;
        Assert.Equal(MeetingStatus.Accepted, buyerIn.Status);
        Assert.Equal(MeetingStatus.Held, Assert.IsType<MeetingDecision.Change>(MeetingRules.CheckIn(buyerIn, MeetingSide.Producer, Slot0.AddMinutes(5))).Next.Status);

        var after = m.EndsAt + MeetingRules.CheckInWindow + TimeSpan.FromSeconds(1);
        Assert.IsType<MeetingDecision.Unchanged>(MeetingRules.Settle(buyerIn, m.EndsAt));
        var disputed = Assert.IsType<MeetingDecision.Change>(MeetingRules.Settle(buyerIn, after)).Next;
        Assert.Equal(MeetingStatus.Disputed, disputed.Status);
        Assert.Equal(MeetingStatus.NoShow, Assert.IsType<MeetingDecision.Change>(MeetingRules.Settle(m, after)).Next.Status);
        Assert.Equal(MeetingStatus.Held, Assert.IsType<MeetingDecision.Change>(MeetingRules.Resolve(disputed, MeetingStatus.Held)).Next.Status);
        Assert.Equal("meeting.notDisputed", Refused(MeetingRules.Resolve(m, MeetingStatus.Held)));
    }

    [Fact]
    public void A_buyer_kind_quota_caps_live_meetings()
    {
        var hours = Hours with { Quotas = ImmutableDictionary<BuyerKind, int>.Empty.Add(BuyerKind.Supermarket, 1) };
        var first = Requested("b1", "p1");
        Assert.Equal("meeting.quota", Refused(MeetingRules.Request(Facts([first], hours: hours), "m2", "f", "b1", "p2", Slot0.AddMinutes(20), null)));
        Assert.IsType<MeetingDecision.Change>(MeetingRules.Request(Facts([first], hours: hours, kind: BuyerKind.Exporter), "m2", "f", "b1", "p2", Slot0.AddMinutes(20), null));
    }

    [Fact]
    public void Matching_hours_are_validated_field_by_field()
    {
        var bad = new MatchingHours([new MatchingDay(Day, new TimeOnly(10, 0), new TimeOnly(9, 0)), new MatchingDay(Day, new TimeOnly(8, 0), new TimeOnly(9, 0))], 5, 1,
            ImmutableDictionary<BuyerKind, int>.Empty.Add(BuyerKind.Exporter, -1));
        var errors = MeetingRules.Validate(bad, Day, Day);
        Assert.Equal(["days[0].to", "days[1].date", "quotas.Exporter", "requestExpiryMinutes", "slotMinutes"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(MeetingRules.Validate(Hours, Day, Day));
        Assert.Contains("days[0].date", MeetingRules.Validate(Hours, Day.AddDays(1), Day.AddDays(2)).Keys);
    }

    /// <summary>
    /// Random requests, answers, proposals, cancellations and expiries against one slot book, each decided by the rules
    /// with the book's own meetings as facts: no buyer is ever in two live meetings at once, and no place or exhibitor
    /// holds more live meetings in a slot than the place has places.
    /// </summary>
    [Fact]
    public void However_requests_interleave_nobody_and_no_place_is_double_booked() =>
        Gen.Select(Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 90]).Array[1, 80].Sample(ops =>
        {
            var book = new Dictionary<string, Meeting>();
            var places = new[] { new MeetingPlace("A01", null, 2), new MeetingPlace("A02", null, 1), new MeetingPlace(null, "T1", 1), new MeetingPlace("A03", null, 3) };
            var now = Now;
            var n = 0;
            foreach (var (op, producer, buyer, slot, minutes) in ops)
            {
                now = now.AddMinutes(minutes % 7);
                var at = Slot0.AddMinutes(20 * slot);
                var facts = Facts(book.Values, now, place: places[producer]);
                MeetingDecision d = op switch
                {
                    0 or 1 => MeetingRules.Request(facts, $"m{n++}", "f", $"b{buyer}", $"p{producer}", at, null),
                    _ when book.Count == 0 => new MeetingDecision.Unchanged(Requested()),
                    2 => MeetingRules.Accept(Pick(book, minutes), MeetingSide.Producer, now),
                    3 => MeetingRules.Propose(Facts(book.Values, now, place: Pick(book, minutes).Place), Pick(book, minutes), MeetingSide.Buyer, at),
                    4 => MeetingRules.Cancel(Pick(book, minutes), now),
                    _ => MeetingRules.Expire(Pick(book, minutes), now),
                };
                if (d is MeetingDecision.Change c) book[c.Next.MeetingId] = c.Next;

                var live = book.Values.Where(m => MeetingRules.Live(m, now)).ToArray();
                foreach (var s in live.GroupBy(m => m.StartsAt))
                {
                    Assert.All(s.GroupBy(m => m.BuyerId), g => Assert.Single(g));
                    Assert.All(s.GroupBy(m => m.Place.Key), g => Assert.True(g.Count() <= g.First().Place.Capacity));
                    Assert.All(s.GroupBy(m => m.ProducerId), g => Assert.True(g.Count() <= g.First().Place.Capacity));
                }

                Assert.All(book.Values.Where(m => m.Status == MeetingStatus.Requested), m => Assert.True(m.ExpiresAt <= m.StartsAt));
            }
        });

    private static Meeting Pick(Dictionary<string, Meeting> book, int i) => book.Values.OrderBy(m => m.MeetingId, StringComparer.Ordinal).ElementAt(i % book.Count);
}
