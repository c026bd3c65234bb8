namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// Organisation headers (the organisation as each visible edition states it, and the results on offer) held for one
/// data version, apart for those who may see embargoed results and those who may not. Every organisation page reads
/// one first, and it changes only when the data version does: an import, a publication change or an embargo lifting.
/// </summary>
public sealed class OrganisationHeaderCache
{
    // Headers are kept only for organisations that exist, so the data bounds them (a few hundred a level); the bound
    // is for safety, not a limit a real survey reaches.
    private readonly VersionedStore<(string Code, bool SeesDrafts), OrganisationHeader?> _store = new(capacity: 20_000);

    /// <summary>
    /// The header of <paramref name="code"/> for this kind of viewer at <paramref name="version"/>, read when not held.
    /// Only a header asked for by its organisation's own code, exactly, is held: an unknown code is not, nor another
    /// spelling that a database's collation also matches (SQL Server's ignores case and trailing spaces), so made-up
    /// codes and spellings fill nothing.
    /// </summary>
    internal async Task<OrganisationHeader?> GetOrReadAsync(string version, string code, bool seesDrafts, Func<Task<OrganisationHeader?>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return await _store.GetOrAddAsync(
            version, (code, seesDrafts), _ => read(),
            keep: header => header is not null && string.Equals(header.Organisation.Code, code, StringComparison.Ordinal)).ConfigureAwait(false);
    }
}
