using LutonCancerSurvey.Core.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

/// <summary>
/// The survey results, the users and roles (ASP.NET Core Identity) and the data-protection keys, in one database so
/// that several app instances share sign-ins and see the same data.
/// </summary>
/// <remarks>
/// Every query of editions, results and organisations' facts sees only the editions its <paramref name="viewer"/> may
/// see (<see cref="EditionVisibility"/>), through the query filter named <see cref="VisibilityFilter"/>: a read path
/// written without a thought for drafts still shows the public none. Only the write side (imports, publication) and
/// the data stamp, which must see every edition whoever started them, switch it off, by <see cref="Drafts.IncludingDrafts{T}"/>.
/// </remarks>
public class SurveyDbContext(DbContextOptions<SurveyDbContext> options, IViewer viewer, TimeProvider time)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
    /// <summary>The name of the query filter that hides drafts from those who may not see them.</summary>
    public const string VisibilityFilter = "Visibility";

    // Read by the filter each time a query runs, as parameters: the model (and its filter) is built once per process.
    private bool SeesDrafts => viewer.SeesDrafts;

    private DateTimeOffset Now => time.GetUtcNow();

    public DbSet<SurveyEdition> Editions => Set<SurveyEdition>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<OrganisationEdition> OrganisationEditions => Set<OrganisationEdition>();
    public DbSet<Succession> Successions => Set<Succession>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<QuestionSeries> QuestionSeries => Set<QuestionSeries>();
    public DbSet<QuestionnaireItem> QuestionnaireItems => Set<QuestionnaireItem>();
    public DbSet<QuestionLink> QuestionLinks => Set<QuestionLink>();
    public DbSet<TumourGroup> TumourGroups => Set<TumourGroup>();
    public DbSet<BreakdownGroup> Breakdowns => Set<BreakdownGroup>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<SurveyResult> Results => Set<SurveyResult>();
    public DbSet<AnswerSet> AnswerSets => Set<AnswerSet>();
    public DbSet<AnswerOption> AnswerOptions => Set<AnswerOption>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<SavedLayout> SavedLayouts => Set<SavedLayout>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);

        builder.Entity<SurveyEdition>().HasQueryFilter(
            VisibilityFilter, EditionVisibility.Expand<Func<SurveyEdition, bool>>(e => SeesDrafts || EditionVisibility.IsPublic(e, Now)));
        builder.Entity<SurveyResult>().HasQueryFilter(
            VisibilityFilter, EditionVisibility.Expand<Func<SurveyResult, bool>>(r => SeesDrafts || EditionVisibility.IsPublic(r.Edition!, Now)));
        builder.Entity<OrganisationEdition>().HasQueryFilter(
            VisibilityFilter, EditionVisibility.Expand<Func<OrganisationEdition, bool>>(f => SeesDrafts || EditionVisibility.IsPublic(f.Edition!, Now)));
        builder.Entity<AnswerSet>().HasQueryFilter(
            VisibilityFilter, EditionVisibility.Expand<Func<AnswerSet, bool>>(a => SeesDrafts || EditionVisibility.IsPublic(a.Edition!, Now)));
        builder.Entity<AnswerOption>().HasQueryFilter(
            VisibilityFilter, EditionVisibility.Expand<Func<AnswerOption, bool>>(o => SeesDrafts || EditionVisibility.IsPublic(o.Set!.Edition!, Now)));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; storing UTC ticks keeps both providers sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
