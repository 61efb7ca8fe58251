using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// Hangfire ships no OpenTelemetry instrumentation. This server filter runs every job this node performs inside an
/// Activity of ours (so its grain calls and SQL become one trace) and records its duration by job and outcome; the
/// histogram's count is the number of jobs.
/// </summary>
public sealed class JobTelemetryFilter : IServerFilter
{
    private const string ActivityItem = "ocop.telemetry.activity";
    private const string StartItem = "ocop.telemetry.start";

    private static readonly Histogram<double> Duration = Telemetry.Meter.CreateHistogram(
        "ocopfairs.job.duration",
        unit: "s",
        description: "Hangfire jobs performed on this node, by job and outcome",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    public void OnPerforming(PerformingContext context)
    {
        var activity = Telemetry.Source.StartActivity(JobName(context.BackgroundJob.Job), ActivityKind.Consumer);
        activity?.SetTag("hangfire.job.id", context.BackgroundJob.Id);
        context.Items[ActivityItem] = activity;
        context.Items[StartItem] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        var outcome = context.Exception is null ? "succeeded" : context.Canceled ? "canceled" : "failed";
        if (context.Items.TryGetValue(StartItem, out var start) && start is long started)
        {
            Duration.Record(
                Stopwatch.GetElapsedTime(started).TotalSeconds,
                new KeyValuePair<string, object?>("job.name", JobName(context.BackgroundJob.Job)),
                new KeyValuePair<string, object?>("job.outcome", outcome));
        }

        if (context.Items.TryGetValue(ActivityItem, out var item) && item is Activity activity)
        {
            if (context.Exception is { } exception)
            {
                activity.AddException(exception);
                activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            }

            activity.Stop();
        }
    }

    private static string JobName(Job job) => job.Type.Name + "." + job.Method.Name;
}
