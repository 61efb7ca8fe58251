using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// The ActivitySource and Meter for what no library instruments for us (Hangfire jobs). Static, as the runtime's own
/// sources are: an instrument records nothing until a listener (the OpenTelemetry SDK) subscribes to the name.
/// </summary>
public static class Telemetry
{
    public const string Name = "OcopFairs";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);
}
