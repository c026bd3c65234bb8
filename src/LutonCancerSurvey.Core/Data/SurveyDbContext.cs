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
public class SurveyDbContext(DbContextOptions<SurveyDbContext> options)
    : IdentityDbContext<IdentityUser>(options), IDataProtectionKeyContext
{
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
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; storing UTC ticks keeps both providers sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
