using Microsoft.EntityFrameworkCore;
using OcopFairs.Server.Identity;
using OcopFairs.Server.Infrastructure;

if (args.Contains("--print-identity-sql"))
{
    // Writes the Identity DDL that migration 0002 holds; used when the Identity model changes.
    var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=unused").Options;
    await using var context = new AppDbContext(options);
    Console.Write(context.Database.GenerateCreateScript());
    return;
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = WebRoot.Find() });
builder.AddOcopFairs();
var app = builder.Build();
app.UseOcopFairs();
await app.RunAsync();

/// <summary>Entry point; public so tests can reference the assembly.</summary>
public partial class Program;
