using System.Diagnostics;
using System.Text.Json.Nodes;

namespace LutonCancerSurvey.TestSupport;

/// <summary>
/// A real OpenID Connect provider for the sign-in tests: the npm package oidc-provider (tests/oidc-provider), run by
/// Node.js on a free loopback port for as long as the fixture lives. Its dependencies are installed with `npm ci` the
/// first time they are missing or older than the lock file. Never part of the product.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "luton-cancer-survey-tests";

    private readonly Process _node;
    private readonly string _accountsFile;
    private readonly JsonObject _accounts = [];
    private readonly Lock _accountsLock = new();

    private OidcProvider(Process node, Uri issuer, string clientSecret, string accountsFile)
    {
        _node = node;
        Issuer = issuer;
        ClientSecret = clientSecret;
        _accountsFile = accountsFile;
    }

    public Uri Issuer { get; }

    /// <summary>Made up for each run: the provider and the app under test are given the same one.</summary>
    public string ClientSecret { get; }

    /// <summary>Where the provider's package lives: tests/oidc-provider beside the solution.</summary>
    public static string? PackageDirectory { get; } = FindPackageDirectory();

    /// <summary>Starts the provider, or throws with the reason it cannot run here.</summary>
    public static async Task<OidcProvider> StartAsync()
    {
        if (OidcRequirements.Missing() is { } why)
        {
            throw new InvalidOperationException($"The OpenID Connect provider cannot run: {why}.");
        }

        var accountsFile = Path.Combine(Path.GetTempPath(), $"lcs-oidc-accounts-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(accountsFile, "{}");
        var secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        var start = new ProcessStartInfo("node", ["provider.mjs"])
        {
            WorkingDirectory = PackageDirectory!,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["OIDC_CLIENT_ID"] = ClientId;
        start.Environment["OIDC_CLIENT_SECRET"] = secret;
        start.Environment["OIDC_ACCOUNTS_FILE"] = accountsFile;
        var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var errors = new System.Text.StringBuilder();
        node.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        node.BeginErrorReadLine();

        // The first line it prints names the issuer, once it listens.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        string? line;
        try
        {
            line = await node.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            line = null;
        }

        if (line is null)
        {
            node.Kill(entireProcessTree: true);
            string said;
            lock (errors)
            {
                said = errors.ToString();
            }

            throw new InvalidOperationException($"The OpenID Connect provider did not start: {said}");
        }

        var issuer = JsonNode.Parse(line)!["issuer"]!.GetValue<string>();
        return new OidcProvider(node, new Uri(issuer), secret, accountsFile);
    }

    /// <summary>Tells the provider about a person: the e-mail it asserts for a login, whether verified, and roles.</summary>
    public void AddAccount(string login, string? email = null, bool emailVerified = true, params string[] roles)
    {
        lock (_accountsLock)
        {
            _accounts[login] = new JsonObject
            {
                ["email"] = email ?? login,
                ["email_verified"] = emailVerified,
                ["roles"] = new JsonArray([.. roles.Select(r => JsonValue.Create(r))]),
            };
            File.WriteAllText(_accountsFile, _accounts.ToJsonString());
        }
    }

    /// <summary>The app's settings for signing in through this provider.</summary>
    public IReadOnlyDictionary<string, string> AppSettings() => new Dictionary<string, string>
    {
        ["Authentication:OpenIdConnect:Authority"] = Issuer.ToString().TrimEnd('/'),
        ["Authentication:OpenIdConnect:ClientId"] = ClientId,
        ["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret,
        ["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false",
    };

    public async ValueTask DisposeAsync()
    {
        // Closing its standard input ends it; killing is for a provider that does not listen.
        _node.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _node.Kill(entireProcessTree: true);
        }

        _node.Dispose();
        File.Delete(_accountsFile);
    }

    private static string? FindPackageDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LutonCancerSurvey.sln")))
            {
                var path = Path.Combine(dir.FullName, "tests", "oidc-provider");
                return File.Exists(Path.Combine(path, "provider.mjs")) ? path : null;
            }
        }

        return null;
    }
}

/// <summary>Whether Node.js and the provider's package are here, installing the package with `npm ci` when missing.</summary>
public static class OidcRequirements
{
    private static readonly Lazy<string?> MissingReason = new(FindMissing);

    /// <summary>Why the provider cannot run here, or null when it can.</summary>
    public static string? Missing() => MissingReason.Value;

    private static string? FindMissing()
    {
        var directory = OidcProvider.PackageDirectory;
        if (directory is null)
        {
            return "tests/oidc-provider/provider.mjs was not found beside the solution";
        }

        if (Run("node", ["--version"], directory) is { } noNode)
        {
            return $"Node.js 20 or later is needed on the PATH ({noNode})";
        }

        return Install(directory);
    }

    /// <summary>
    /// `npm ci` when node_modules is missing or older than the lock file. Test projects run in parallel processes, so
    /// an exclusive lock file lets one install while the other waits.
    /// </summary>
    private static string? Install(string directory)
    {
        var lockFile = Path.Combine(directory, "node_modules.lock");
        using var held = WaitForLock(lockFile);
        var marker = Path.Combine(directory, "node_modules", ".package-lock.json");
        var lockJson = Path.Combine(directory, "package-lock.json");
        if (File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockJson))
        {
            return null;
        }

        if (Run("npm", ["ci", "--no-audit", "--no-fund"], directory) is { } failed)
        {
            return $"`npm ci` in tests/oidc-provider failed ({failed})";
        }

        File.SetLastWriteTimeUtc(marker, DateTime.UtcNow);
        return null;
    }

    private static FileStream WaitForLock(string path)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }

    /// <summary>Runs a command to its end; null when it succeeded, otherwise what went wrong.</summary>
    private static string? Run(string fileName, string[] arguments, string directory)
    {
        try
        {
            var start = new ProcessStartInfo(fileName, arguments)
            {
                WorkingDirectory = directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                return $"{fileName} did not finish in 3 minutes";
            }

            return process.ExitCode == 0
                ? null
                : $"{fileName} exited with {process.ExitCode}: {error.Result.Trim()} {output.Result.Trim()}".Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"{fileName} is not installed: {e.Message}";
        }
    }
}
