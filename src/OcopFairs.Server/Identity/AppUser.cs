using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace OcopFairs.Server.Identity;

public sealed class AppUser : IdentityUser
{
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>"vi" or "en": the language of the user's notifications and e-mails.</summary>
    public string Locale { get; set; } = "vi";

    /// <summary>The producer this account owns, for Producer accounts.</summary>
    public string? ProducerId { get; set; }

    /// <summary>The buyer this account owns, for Buyer accounts.</summary>
    public string? BuyerId { get; set; }
}

/// <summary>
/// Identity tables and the shared data-protection keys (so every node reads the others' cookies and tokens), in their
/// own schema. The DDL is the migration 0002_identity.sql, checked against this model by a test.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public const string Schema = "identity";

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        builder.HasDefaultSchema(Schema);
        base.OnModelCreating(builder);
        builder.Entity<AppUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.Property(u => u.Locale).HasMaxLength(8);
            user.Property(u => u.ProducerId).HasMaxLength(64);
            user.Property(u => u.BuyerId).HasMaxLength(64);
        });
    }
}
