using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LutonCancerSurvey.Core.Data.Configurations;

internal sealed class QuestionSeriesConfiguration : IEntityTypeConfiguration<QuestionSeries>
{
    public void Configure(EntityTypeBuilder<QuestionSeries> builder)
    {
        builder.ToTable("QuestionSeries");
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.HasData(new QuestionSeries
        {
            Id = BuiltInQuestionnaire.SeriesId,
            Code = BuiltInQuestionnaire.Code,
            Name = BuiltInQuestionnaire.Name,
            FirstYear = BuiltInQuestionnaire.FirstYear,
            LastYear = BuiltInQuestionnaire.LastYear,
        });
    }
}

internal sealed class QuestionnaireItemConfiguration : IEntityTypeConfiguration<QuestionnaireItem>
{
    public void Configure(EntityTypeBuilder<QuestionnaireItem> builder)
    {
        builder.ToTable("QuestionnaireItems");
        builder.Property(i => i.Section).HasMaxLength(100);
        builder.HasIndex(i => new { i.SeriesId, i.Number }).IsUnique();
        builder.HasOne(i => i.Series).WithMany().HasForeignKey(i => i.SeriesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasData(BuiltInQuestionnaire.Items());
    }
}

internal sealed class QuestionLinkConfiguration : IEntityTypeConfiguration<QuestionLink>
{
    public void Configure(EntityTypeBuilder<QuestionLink> builder)
    {
        builder.ToTable("QuestionLinks");
        builder.HasIndex(l => new { l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber }).IsUnique();
        builder.HasIndex(l => new { l.ToSeriesId, l.ToNumber });
        builder.HasOne(l => l.FromSeries).WithMany().HasForeignKey(l => l.FromSeriesId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(l => l.ToSeries).WithMany().HasForeignKey(l => l.ToSeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The questionnaire of the 2015 to 2019 editions, stored as the first series when the database is made. The real
/// combined files carry a section label with typos, so its sections come from here, by question number.
/// </summary>
internal static class BuiltInQuestionnaire
{
    public const int SeriesId = 1;
    public const string Code = "cpes-2015";
    public const string Name = "CPES questionnaire used 2015 to 2019";
    public const int FirstYear = 2015;
    public const int LastYear = 2019;
    private const int OverallRating = 59;

    private static readonly string[] Sections =
    [
        "Seeing your GP",
        "Diagnostic tests",
        "Finding out what was wrong with you",
        "Deciding the best treatment for you",
        "Clinical Nurse Specialist",
        "Support for people with cancer",
        "Operations",
        "Hospital care as an inpatient",
        "Hospital care as a day patient / outpatient",
        "Home care and support",
        "Care from your general practice",
        "Your overall NHS care",
    ];

    private static readonly (int From, int To, int Section)[] Ranges =
    [
        (1, 2, 0), (5, 7, 1), (8, 11, 2), (12, 16, 3), (17, 19, 4), (20, 23, 5), (25, 26, 6), (28, 39, 7),
        (41, 48, 8), (49, 51, 9), (52, 53, 10), (54, 59, 11),
    ];

    private static readonly HashSet<int> Unscored = [3, 4, 24, 27, 40, 43, 46];

    public static IEnumerable<QuestionnaireItem> Items()
    {
        var id = 0;
        foreach (var (from, to, section) in Ranges)
        {
            for (var number = from; number <= to; number++)
            {
                if (!Unscored.Contains(number))
                {
                    yield return new QuestionnaireItem
                    {
                        Id = ++id,
                        SeriesId = SeriesId,
                        Number = number,
                        Section = Sections[section],
                        Scoring = number == OverallRating ? Scoring.MeanOutOfTen : Scoring.PercentPositive,
                    };
                }
            }
        }
    }
}
