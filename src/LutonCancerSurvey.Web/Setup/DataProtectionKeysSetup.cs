using System.Xml.Linq;
using LutonCancerSurvey.Core.Data;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LutonCancerSurvey.Web.Setup;

/// <summary>
/// The data-protection keys sign and encrypt the sign-in cookies and are kept in the database: stored unencrypted,
/// anyone with the database or a backup of it can forge any sign-in, an administrator's included.
/// </summary>
public static class DataProtectionKeysSetup
{
    public const string AllowUnencryptedKeysSetting = "DataProtection:AllowUnencryptedKeys";

    /// <summary>How data protection marks a secret that an XML encryptor would have encrypted (masterKey).</summary>
    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    /// <summary>
    /// In Production the app serves only with its keys encrypted at rest, unless DataProtection:AllowUnencryptedKeys
    /// says otherwise (to try the app, or for a database nobody else can read); then it warns at every start.
    /// </summary>
    public static void RequireEncryptedKeys(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsProduction() || KeysAreEncrypted(app.Services))
        {
            return;
        }

        if (!app.Configuration.GetValue<bool>(AllowUnencryptedKeysSetting))
        {
            throw new InvalidOperationException(
                "The data-protection keys that protect sign-in cookies would be stored UNENCRYPTED in the database, where "
                + "anyone who can read it or a backup of it could forge an administrator's sign-in, so the dashboard does "
                + "not start in Production. Set DataProtection__Certificate__Path to a PKCS#12 (.pfx) file and "
                + "DataProtection__Certificate__Password from a secret store (docs/deploying.md); or, only to try the "
                + "app, set DataProtection__AllowUnencryptedKeys=true.");
        }

        Logger(app).LogWarning(
            "The data-protection keys that protect sign-in cookies are stored UNENCRYPTED in the database "
            + "(DataProtection__AllowUnencryptedKeys=true): anyone who can read it can forge a sign-in. Set "
            + "DataProtection__Certificate__Path to a PKCS#12 (.pfx) file and DataProtection__Certificate__Password "
            + "from a secret store (docs/deploying.md)");
    }

    /// <summary>
    /// Once the keys are encrypted, a key written before in the clear could still be read from an old backup and used
    /// to forge a cookie that the app would accept: revoke every such key, and when one of them was still in use,
    /// start a new (encrypted) key now. Everyone signed in must then sign in again.
    /// </summary>
    public static async Task RevokeUnencryptedKeysAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!KeysAreEncrypted(app.Services))
        {
            return;
        }

        HashSet<Guid> unencrypted;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<SurveyDbContext>().DataProtectionKeys
                .AsNoTracking()
                .Select(k => k.Xml)
                .ToListAsync();
            unencrypted = stored.Select(UnencryptedKeyId).OfType<Guid>().ToHashSet();
        }

        var keyManager = app.Services.GetRequiredService<IKeyManager>();
        var toRevoke = keyManager.GetAllKeys().Where(k => !k.IsRevoked && unencrypted.Contains(k.KeyId)).ToList();
        if (toRevoke.Count == 0)
        {
            return;
        }

        foreach (var key in toRevoke)
        {
            keyManager.RevokeKey(key.KeyId, "Stored unencrypted before the keys were encrypted at rest");
        }

        var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (toRevoke.Any(k => k.ExpirationDate > now))
        {
            var lifetime = app.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.NewKeyLifetime;
            keyManager.CreateNewKey(activationDate: now, expirationDate: now + lifetime);
        }

        Logger(app).LogWarning(
            "Revoked {Count} data-protection key(s) stored unencrypted before the keys were encrypted, and started a new "
            + "encrypted key: cookies protected with the old keys are no longer accepted, so everyone must sign in again",
            toRevoke.Count);
    }

    private static bool KeysAreEncrypted(IServiceProvider services) =>
        services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlEncryptor is not null;

    /// <summary>The id of a stored key whose secret is in the clear; null for an encrypted key or any other element.</summary>
    private static Guid? UnencryptedKeyId(string? xml)
    {
        if (string.IsNullOrEmpty(xml))
        {
            return null;
        }

        var element = XElement.Parse(xml);
        return element.Name.LocalName == "key"
            && Guid.TryParse((string?)element.Attribute("id"), out var id)
            && element.Descendants().Any(e => (string?)e.Attribute(RequiresEncryption) == "true")
            ? id
            : null;
    }

    private static ILogger Logger(WebApplication app) =>
        app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LutonCancerSurvey.Web.Security");
}
