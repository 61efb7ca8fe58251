using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Primitives;
using Orleans.Dashboard;

namespace OcopFairs.Server.Infrastructure;

/// <summary>
/// The Orleans dashboard's endpoints, mapped only once the node has started. Mapping them compresses the dashboard's
/// 4 MB of scripts and fonts in memory, over half a second of CPU that start-up should not wait for. Until then the
/// dashboard's paths are not routed; routing picks the endpoints up when this source signals its change.
/// </summary>
internal sealed partial class DeferredDashboard(IServiceProvider services, string path, Action<AuthorizationPolicyBuilder> policy)
    : EndpointDataSource, IEndpointRouteBuilder
{
    private readonly List<EndpointDataSource> _sources = [];
    private IReadOnlyList<Endpoint> _endpoints = [];
    private CancellationTokenSource _changed = new();

    public override IReadOnlyList<Endpoint> Endpoints => Volatile.Read(ref _endpoints);

    IServiceProvider IEndpointRouteBuilder.ServiceProvider => services;

    ICollection<EndpointDataSource> IEndpointRouteBuilder.DataSources => _sources;

    public override IChangeToken GetChangeToken() => new CancellationChangeToken(Volatile.Read(ref _changed).Token);

    IApplicationBuilder IEndpointRouteBuilder.CreateApplicationBuilder() => new ApplicationBuilder(services);

    /// <summary>Maps the dashboard in the background once the application has started.</summary>
    public void MapWhenStarted(IHostApplicationLifetime lifetime, ILogger logger) =>
        lifetime.ApplicationStarted.Register(() => Task.Run(() =>
        {
            try
            {
                this.MapOrleansDashboard(path).RequireAuthorization(policy).ExcludeFromDescription();
                Volatile.Write(ref _endpoints, [.. _sources.SelectMany(s => s.Endpoints)]);
                Interlocked.Exchange(ref _changed, new CancellationTokenSource()).Cancel();
                LogMapped(logger, path);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
            }
        }));

    [LoggerMessage(Level = LogLevel.Information, Message = "The Orleans dashboard is served to admins at {Path}/")]
    private static partial void LogMapped(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Orleans dashboard could not be mapped; the node runs without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
