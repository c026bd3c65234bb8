using LutonCancerSurvey.Web.Access;

namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>
/// `create-admin --email someone@example.nhs.uk`: the first administrator. The password is read from the
/// environment variable LCS_ADMIN_PASSWORD or from standard input, never from the command line (which other users
/// of the machine and the shell history can see).
/// </summary>
public sealed class CreateAdminCommand(string? email, string? usageError, string[] configurationArgs) : ICommand
{
    public const string PasswordVariable = "LCS_ADMIN_PASSWORD";

    public string[] ConfigurationArgs { get; } = configurationArgs;

    public static CreateAdminCommand Parse(IReadOnlyList<string> words, string[] configurationArgs)
    {
        var at = words.ToList().IndexOf("--email");
        if (words.Any(w => w.StartsWith("--password", StringComparison.OrdinalIgnoreCase)))
        {
            return new CreateAdminCommand(null, $"never pass a password as an argument: set {PasswordVariable} or type it on standard input", configurationArgs);
        }

        return at < 0 || at + 1 >= words.Count
            ? new CreateAdminCommand(null, "name the administrator with --email", configurationArgs)
            : new CreateAdminCommand(words[at + 1], null, configurationArgs);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (usageError is not null)
        {
            await Console.Error.WriteLineAsync($"create-admin: {usageError}\nusage: create-admin --email <address>  (password from ${PasswordVariable} or standard input)");
            return 2;
        }

        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
        {
            if (!Console.IsInputRedirected)
            {
                Console.Write("Password: ");
            }

            password = (await Console.In.ReadLineAsync())?.TrimEnd('\r');
        }

        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"create-admin: no password given: set {PasswordVariable} or type it on standard input");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var change = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .CreateAsync(email, Roles.Administrator, password, "command line", CancellationToken.None);
        if (!change.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin: " + string.Join(" ", change.Problems));
            return 1;
        }

        Console.WriteLine($"{email} is an administrator and can sign in at /account/sign-in.");
        return 0;
    }
}
