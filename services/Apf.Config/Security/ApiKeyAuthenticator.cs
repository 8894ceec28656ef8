using System.Security.Cryptography;
using System.Text;
using Apf.Config.Hosting;
using Microsoft.Extensions.Options;

namespace Apf.Config.Security;

/// <summary>Finds the holder of an API key. Keys are compared in constant time.</summary>
public sealed class ApiKeyAuthenticator(IOptionsMonitor<ConfigServiceOptions> options)
{
    public const string Header = "X-Api-Key";

    public string? HolderOf(string? presented)
    {
        if (string.IsNullOrEmpty(presented)) return null;
        // Hashing first gives equal lengths, so FixedTimeEquals leaks nothing, not even the key length.
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? holder = null;
        foreach (var candidate in options.CurrentValue.ApiKeys)
        {
            var expected = SHA256.HashData(Encoding.UTF8.GetBytes(candidate.Key));
            // No early exit: every key is compared, whichever matches.
            if (CryptographicOperations.FixedTimeEquals(given, expected)) holder ??= candidate.Name;
        }
        return holder;
    }

    public bool ReadsNeedKey => options.CurrentValue.RequireKeyForReads;
}
