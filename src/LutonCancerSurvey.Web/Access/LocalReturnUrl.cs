using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Access;

/// <summary>Where to send a user after signing in: a path on this site, in a form that can go in a Location header.</summary>
public static class LocalReturnUrl
{
    public static string From(IUrlHelper url, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(url);
        return returnUrl is not null && url.IsLocalUrl(returnUrl) ? Escape(returnUrl) : "/";
    }

    /// <summary>
    /// A header carries ASCII only: a decoded ReturnUrl such as "/é" would throw when written to Location (a 500), so
    /// every byte outside printable ASCII is percent-encoded, as a browser does with the address it is given.
    /// </summary>
    public static string Escape(string localUrl)
    {
        ArgumentNullException.ThrowIfNull(localUrl);
        var escaped = new StringBuilder(localUrl.Length);
        foreach (var b in Encoding.UTF8.GetBytes(localUrl))
        {
            if (b is > 0x20 and < 0x7F)
            {
                escaped.Append((char)b);
            }
            else
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
