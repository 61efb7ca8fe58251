namespace OcopFairs.Server.Reminders;

/// <summary>Fair reminders scheduled in Hangfire under deterministic keys.</summary>
public static class RemindersFeature
{
    public static WebApplicationBuilder AddReminders(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReminderScheduler>();
        builder.Services.AddScoped<ReminderJobs>();
        return builder;
    }
}
