using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace OcopFairs.Bench;

/// <summary>
/// A watcher that speaks the SignalR JSON hub protocol over a bare WebSocket: handshake, one <c>JoinFair</c> or
/// <c>JoinFairBatched</c> invocation, then it reads every message and notes which versions arrived when. It does what a
/// phone on the fair's Wi-Fi does for the benchmark's purpose at a fraction of a full <c>HubConnection</c>'s cost, so
/// 500 of them leave more of the shared cores to the server. One watcher of a pool (<paramref name="full"/>) parses
/// whole events, so holds can be matched to their versions; the others read only the version numbers.
/// </summary>
public sealed class LightWatcher : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1e;
    private static readonly TimeSpan PingEvery = TimeSpan.FromSeconds(10);

    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly PushTracker _tracker;
    private readonly WatcherLog _log;
    private readonly bool _full;
    private readonly TaskCompletionSource _joined = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _receive;
    private Task? _ping;

    private LightWatcher(PushTracker tracker, bool full)
    {
        _tracker = tracker;
        _log = tracker.Join(full ? "light full" : "light");
        _full = full;
    }

    /// <summary>Raised when the connection ends before <see cref="DisposeAsync"/>.</summary>
    public event Action? Closed;

    public static async Task<LightWatcher> ConnectAsync(Uri hubUrl, string fairId, long sinceVersion, bool batched, PushTracker tracker, bool full, CancellationToken ct)
    {
        var watcher = new LightWatcher(tracker, full);
        var ws = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        await watcher._socket.ConnectAsync(ws, ct);
        await watcher.SendAsync("{\"protocol\":\"json\",\"version\":1}", ct);
        watcher._receive = Task.Run(watcher.ReceiveAsync, CancellationToken.None);
        var join = JsonSerializer.Serialize(new { type = 1, invocationId = "join", target = batched ? "JoinFairBatched" : "JoinFair", arguments = new object[] { fairId, sinceVersion } });
        await watcher.SendAsync(join, ct);
        await watcher._joined.Task.WaitAsync(ct);
        watcher._ping = Task.Run(watcher.PingAsync, CancellationToken.None);
        return watcher;
    }

    private Task SendAsync(string message, CancellationToken ct) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(message + (char)RecordSeparator), WebSocketMessageType.Text, true, ct);

    private async Task PingAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(PingEvery, _stop.Token);
                await SendAsync("{\"type\":6}", _stop.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing.
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        var handshake = true;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var result = await _socket.ReceiveAsync(buffer.GetMemory(8 * 1024), _stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                buffer.Advance(result.Count);
                _log.Read(result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                var at = Clock.Now;
                var data = buffer.WrittenMemory;
                int end;
                var consumed = 0;
                while ((end = data.Span[consumed..].IndexOf(RecordSeparator)) >= 0)
                {
                    var record = data.Slice(consumed, end);
                    consumed += end + 1;
                    if (handshake)
                    {
                        handshake = false; // "{}" or an error, which the join then reports
                        continue;
                    }

                    Handle(record.Span, at);
                }

                // Keep a record that is not complete yet for the next message. (ResetWrittenCount, not Clear: zeroing the
                // buffer after every message was a few per cent of the load generator's CPU.)
                var rest = consumed == data.Length ? [] : data[consumed..].ToArray();
                buffer.ResetWrittenCount();
                buffer.Write(rest);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // Closing, or the server went away: reported below.
        }
        finally
        {
            _joined.TrySetException(new InvalidOperationException("The hub connection ended before JoinFair answered."));
            if (!_stop.IsCancellationRequested)
            {
                Closed?.Invoke();
            }
        }
    }

    private void Handle(ReadOnlySpan<byte> record, long at)
    {
        if (_full)
        {
            HandleFull(record, at);
            return;
        }

        var parsed = HubRecord.Parse(record);
        if (parsed.Type == 3)
        {
            if (parsed.Error is { } error) _joined.TrySetException(new InvalidOperationException(error));
            else _joined.TrySetResult();
        }
        else if (parsed.Target == "FairEvents" && parsed.To > parsed.From)
        {
            _log.Received(parsed.From, parsed.To, at);
        }
        else if (parsed.Target == "FairEvent" && parsed.EventType == "BoothChanged")
        {
            _log.Received(parsed.Version - 1, parsed.Version, at);
        }
    }

    private void HandleFull(ReadOnlySpan<byte> record, long at)
    {
        using var message = JsonDocument.Parse(record.ToArray());
        var root = message.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetInt32() : 0;
        if (type == 3)
        {
            if (root.TryGetProperty("error", out var error)) _joined.TrySetException(new InvalidOperationException(error.GetString()));
            else _joined.TrySetResult();
            return;
        }

        if (type != 1 || !root.TryGetProperty("arguments", out var args) || args.GetArrayLength() == 0) return;
        var target = root.GetProperty("target").GetString();
        var arg = args[0];
        if (target == "FairEvents")
        {
            var from = arg.GetProperty("fromVersion").GetInt64();
            var to = arg.GetProperty("toVersion").GetInt64();
            if (to <= from) return; // the bare hub's warm-up
            _tracker.RecordBatch(from, to);
            _log.Received(from, to, at);
            _tracker.Kept.Enqueue((at, from, to, arg.GetProperty("events").Clone()));
            var version = from;
            foreach (var e in arg.GetProperty("events").EnumerateArray()) _tracker.Map(++version, e);
        }
        else if (target == "FairEvent" && arg.GetProperty("type").GetString() == "BoothChanged")
        {
            var version = arg.GetProperty("version").GetInt64();
            _log.Received(version - 1, version, at);
            _tracker.Map(version, arg);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            // The server is gone already.
        }

        _socket.Abort();
        if (_receive is not null) await _receive.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_ping is not null) await _ping.ContinueWith(_ => { }, TaskScheduler.Default);
        _socket.Dispose();
        _stop.Dispose();
    }
}

/// <summary>
/// What a watcher needs of one SignalR JSON hub message, read without building a document: its type, target, the
/// version range of a <c>FairEvents</c> batch or the version and type of a <c>FairEvent</c>, and a completion's error.
/// </summary>
public readonly record struct HubRecord(int? Type, string? Target, long From, long To, long Version, string? EventType, string? Error)
{
    public static HubRecord Parse(ReadOnlySpan<byte> record)
    {
        // Top level: {"type":1,"target":"FairEvents","arguments":[{"fairId":…,"fromVersion":N,"toVersion":M,"events":[…]}]}
        // or {"type":1,"target":"FairEvent","arguments":[{"fairId":…,"version":N,"type":"BoothChanged",…}]}.
        var reader = new Utf8JsonReader(record);
        int? type = null;
        string? target = null, eventType = null, error = null;
        long from = -1, to = -1, version = -1;
        var depth = 0;
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) depth++;
            else if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) depth--;
            if (reader.TokenType != JsonTokenType.PropertyName) continue;
            if (depth == 1)
            {
                if (reader.ValueTextEquals("type")) { reader.Read(); type = reader.GetInt32(); }
                else if (reader.ValueTextEquals("target")) { reader.Read(); target = reader.GetString(); }
                else if (reader.ValueTextEquals("error")) { reader.Read(); error = reader.GetString(); break; }
                else if (reader.ValueTextEquals("result") && type == 3) break;
            }
            else if (depth == 3 && type == 1)
            {
                if (reader.ValueTextEquals("fromVersion")) { reader.Read(); from = reader.GetInt64(); }
                else if (reader.ValueTextEquals("toVersion")) { reader.Read(); to = reader.GetInt64(); }
                else if (reader.ValueTextEquals("version")) { reader.Read(); version = reader.GetInt64(); }
                else if (reader.ValueTextEquals("type")) { reader.Read(); eventType = reader.GetString(); }
                if (target == "FairEvents" && from >= 0 && to >= 0) break;
                if (target == "FairEvent" && version >= 0 && eventType is not null) break;
            }
        }

        return new HubRecord(type, target, from, to, version, eventType, error);
    }
}
