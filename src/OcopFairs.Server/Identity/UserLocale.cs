using Npgsql;

namespace OcopFairs.Server.Identity;

/// <summary>The language a user reads notifications in, for texts built outside a request (jobs, grain events).</summary>
public static class UserLocale
{
    public static async Task<bool> IsEnglishAsync(NpgsqlDataSource db, string userId)
    {
        await using var cmd = db.CreateCommand("SELECT \"Locale\" FROM identity.\"AspNetUsers\" WHERE \"Id\" = @id");
        cmd.Parameters.AddWithValue("id", userId);
        return await cmd.ExecuteScalarAsync() as string == "en";
    }
}
