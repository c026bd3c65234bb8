using LutonCancerSurvey.Web.CommandLine;
using LutonCancerSurvey.Web.Setup;
using Serilog;

Log.Logger = LoggingSetup.CreateBootstrapLogger();

try
{
    var command = Commands.Parse(args);
    var builder = WebApplication.CreateBuilder(command?.ConfigurationArgs ?? args);
    builder.AddSurveyLogging();
    builder.AddSurveyDatabase();
    builder.AddSurveyServices();
    builder.AddSurveyAccess();
    builder.AddSurveyHealthChecks();
    builder.Host.UseDefaultServiceProvider(options =>
    {
        options.ValidateOnBuild = true;
        options.ValidateScopes = true;
    });

    var app = builder.Build();
    if (command is null)
    {
        // Before the database is touched: a refusal to serve leaves nothing half done.
        app.RequireEncryptedKeys();
    }

    await app.PrepareDatabaseAsync();

    if (command is not null)
    {
        return await command.RunAsync(app.Services);
    }

    await app.RevokeUnencryptedKeysAsync();
    app.UseSurveyPipeline();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The dashboard stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
