using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

public class SurveyDbContext(DbContextOptions<SurveyDbContext> options) : DbContext(options)
{
    public DbSet<SurveyEdition> Editions => Set<SurveyEdition>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<TumourGroup> TumourGroups => Set<TumourGroup>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();
    public DbSet<SurveyResult> Results => Set<SurveyResult>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SurveyDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset; storing UTC ticks keeps both providers sortable.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUtcTicksConverter>();
    }
}
