using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OcopFairs.Abstractions;
using OcopFairs.Domain;

namespace OcopFairs.Grains;

/// <summary>
/// A fair's results board [fairId]. Rebuilt from the ledger when it activates; after that each deal's entry is applied
/// to a <see cref="BoardTally"/> (its own buckets only, never a recount). Pushes leave the caller's turn: a record is
/// answered at once, and a pusher hands the newest board (with the signings since the last push) to the floor, which
/// sequences them into the fair's versioned stream. Whatever arrives while a push is under way goes out together in the
/// next one, at most one push per <see cref="BoardOptions.PushIntervalMs"/>: a rush of signings costs a few boards a
/// second, each the newest, never one per signing.
/// </summary>
public sealed partial class FairBoardGrain(
    IBoardSource source,
    IGrainFactory grains,
    TimeProvider clock,
    IOptions<BoardOptions> options,
    ILogger<FairBoardGrain> logger) : Grain, IFairBoardGrain
{
    private BoardTally _tally = null!;
    private BoardMeetings _meetings = new(0, 0, 0, 0);
    private List<DealAnnouncement> _signed = [];
    private bool _dirty;
    private Task? _pusher;
    private long? _lastPush;

    private string FairId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _tally = BoardTally.Recount(FairId, await source.EntriesAsync(FairId));
        _meetings = await source.MeetingsAsync(FairId);
    }

    public Task<FairBoard> GetAsync() =>
        grains.GetGrain<IFloorGrain>(FairId).StampBoardAsync(Board());

    public Task RecordDealAsync(DealBoardEntry entry, DealAnnouncement? signed)
    {
        var fresh = _tally.RevisionOf(entry.DealId) is not { } held || entry.Revision > held;
        if (_tally.Apply(entry))
        {
            _dirty = true;
        }

        if (fresh && signed is not null && entry.Counted)
        {
            _signed.Add(signed);
            _dirty = true;
        }

        Kick();
        return Task.CompletedTask;
    }

    public Task RecordMeetingsAsync(BoardMeetings meetings)
    {
        if (meetings != _meetings)
        {
            _meetings = meetings;
            _dirty = true;
            Kick();
        }

        return Task.CompletedTask;
    }

    private FairBoard Board() => new(FairId, 0, new BoardBooths(0, 0, 0), _meetings, _tally.ToDeals());

    private void Kick()
    {
        if (_dirty && _pusher is not { IsCompleted: false })
        {
            _pusher = PushAsync();
        }
    }

    /// <summary>Runs on the activation's scheduler, between calls; one at a time.</summary>
    private async Task PushAsync()
    {
        while (_dirty)
        {
            var interval = TimeSpan.FromMilliseconds(Math.Max(0, options.Value.PushIntervalMs));
            if (_lastPush is { } last && clock.GetElapsedTime(last) is var since && since < interval)
            {
                await Task.Delay(interval - since, clock);
            }
            else
            {
                // Let the records already queued join this push.
                await Task.Yield();
            }

            _dirty = false;
            var signed = _signed;
            _signed = [];
            _lastPush = clock.GetTimestamp();
            try
            {
                await grains.GetGrain<IFloorGrain>(FairId).PublishBoardAsync(Board(), [.. signed]);
            }
            catch (Exception ex)
            {
                // Watchers resync from GET /board when they rejoin; the next change pushes the board again.
                LogPushFailed(logger, ex, FairId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fair {FairId}: could not push the results board")]
    private static partial void LogPushFailed(ILogger logger, Exception exception, string fairId);
}

/// <summary>Settings of the fair boards (configuration section <c>Board</c>).</summary>
public sealed class BoardOptions
{
    /// <summary>The least time between two board pushes of a fair (<c>Board:PushIntervalMs</c>).</summary>
    public int PushIntervalMs { get; set; } = 200;
}
