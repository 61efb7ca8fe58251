using System.Collections.Immutable;
using Microsoft.AspNetCore.Identity;
using OcopFairs.Abstractions;
using OcopFairs.Domain;
using OcopFairs.Server.Identity;

namespace OcopFairs.Server.Demo;

/// <summary>
/// Seeds the demo accounts, Hoa Binh producers and one upcoming fair when <c>Demo:Seed</c> is true. Idempotent: what
/// exists is left as it is, so running it on every start is safe.
/// </summary>
public sealed partial class DemoSeeder(IServiceScopeFactory scopes, IGrainFactory grains, TimeProvider clock, ILogger<DemoSeeder> logger)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

        await EnsureUserAsync(users, "admin@demo.ocop", "Quản trị viên", Roles.Admin, null);
        var organiser = await EnsureUserAsync(users, "organiser@demo.ocop", "Sở Công Thương Hòa Bình", Roles.Organiser, null);
        foreach (var p in DemoData.Producers)
        {
            var account = await EnsureUserAsync(users, p.Email, p.Profile.Name, Roles.Producer, p.ProducerId);
            var producer = grains.GetGrain<IProducerGrain>(p.ProducerId);
            if (await producer.GetAsync() is null)
            {
                await producer.SaveProfileAsync(p.Profile, account.Id);
                foreach (var product in p.Products)
                {
                    await producer.SaveProductAsync(product);
                }
            }
        }

        foreach (var demo in DemoData.Fairs)
        {
            await SeedFairAsync(demo, organiser.Id, scope.ServiceProvider.GetRequiredService<Reminders.ReminderScheduler>());
        }

        await SeedBuyersAsync(users, scope.ServiceProvider.GetRequiredService<Buyers.FairBuyers>());
        await SeedDealsAsync(users);

        LogSeeded(logger, DemoData.Producers.Length, DemoData.Fairs.Length);
    }

    /// <summary>Creates what of one demo fair is missing: the fair, its floor, its applications, the organiser's booths.</summary>
    private async Task SeedFairAsync(DemoData.DemoFair demo, string organiserId, Reminders.ReminderScheduler reminders)
    {
        var fair = grains.GetGrain<IFairGrain>(demo.FairId);
        if (await fair.GetAsync() is null)
        {
            var tz = TimeZoneInfo.FindSystemTimeZoneById(FairRules.DefaultTimeZone);
            var day = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), tz).Date.AddDays(demo.StartsInDays);
            var startsAt = new DateTimeOffset(day.AddHours(8), tz.GetUtcOffset(day)).ToUniversalTime();
            var details = new FairDetails(
                demo.Name, demo.Venue, "Hòa Bình", FairRules.DefaultTimeZone,
                startsAt, startsAt.AddDays(demo.Days).AddHours(13), clock.GetUtcNow().AddDays(-1), startsAt.AddDays(-7),
                3, [.. Enum.GetValues<ProductGroup>()], demo.BoothsPerProducer, 30, demo.Mode);
            await reminders.ScheduleFairAsync(await fair.CreateAsync(details, organiserId));
        }

        if ((await fair.GetFloorAsync()).Booths.Length == 0)
        {
            await fair.SetFloorPlanAsync(FloorPlans.Grid(demo.Zones, perRow: 10));
        }

        if ((await fair.GetAsync())!.Status == FairStatus.Draft)
        {
            await fair.MoveToAsync(FairStatus.Published);
        }

        foreach (var (producerId, status, reason) in demo.Applications)
        {
            var exhibitor = grains.GetGrain<IExhibitorGrain>(Grains.ExhibitorGrain.Key(demo.FairId, producerId));
            if (await exhibitor.GetAsync() is not null)
            {
                continue;
            }

            var products = DemoData.Producers.First(p => p.ProducerId == producerId).Products.Select(p => p.ProductId).ToImmutableArray();
            await exhibitor.SubmitAsync(new ApplicationRequest(products, null, new BoothNeeds(true, false, false), null));
            _ = status switch
            {
                ApplicationStatus.Approved => await exhibitor.ApproveAsync(),
                ApplicationStatus.Waitlisted => await exhibitor.WaitlistAsync(),
                ApplicationStatus.Rejected => await exhibitor.RejectAsync(reason ?? string.Empty),
                ApplicationStatus.Withdrawn => await exhibitor.WithdrawAsync(),
                _ => null,
            };
        }

        // Booths go to approved exhibitors only, by the same rule an organiser's assign follows. On a floor seeded
        // before, only a demo exhibitor with no booth yet gets its booth, if that booth is still free (a producer
        // added to the demo later gets one; what people changed on the floor stays).
        var floor = grains.GetGrain<IFloorGrain>(demo.FairId);
        var fresh = (await floor.GetFloorAsync()).Booths.All(b => b.Status == BoothStatus.Free);
        foreach (var (booth, producerId) in demo.Assignments)
        {
            var booths = (await floor.GetFloorAsync()).Booths;
            if (booths.Any(b => b.ProducerId == producerId) || booths.FirstOrDefault(b => b.Code == booth) is not { Status: BoothStatus.Free })
            {
                continue;
            }

            var holder = await Booths.BoothsApi.HolderAsync(grains, demo.FairId, producerId)
                ?? throw new InvalidOperationException($"Demo producer {producerId} has no application to {demo.FairId}.");
            await floor.AssignAsync(booth, holder, null, null);
        }

        if (fresh)
        {
            foreach (var booth in demo.Blocked)
            {
                await floor.BlockAsync(booth);
            }
        }
    }

    private static async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string email, string name, string role, string? producerId)
    {
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            return existing;
        }

        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, Locale = "vi", ProducerId = producerId };
        var result = await users.CreateAsync(user, DemoData.Password);
        if (!result.Succeeded)
        {
            // Another node seeding at the same moment created it first.
            return await users.FindByEmailAsync(email)
                ?? throw new InvalidOperationException($"Could not create demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }

        await users.AddToRoleAsync(user, role);
        return user;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data present: {Producers} Hoa Binh producers, {Fairs} fairs")]
    private static partial void LogSeeded(ILogger logger, int producers, int fairs);
}
