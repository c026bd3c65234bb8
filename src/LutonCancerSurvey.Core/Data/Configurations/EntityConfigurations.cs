using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace LutonCancerSurvey.Core.Data.Configurations;

internal sealed class SurveyEditionConfiguration : IEntityTypeConfiguration<SurveyEdition>
{
    public void Configure(EntityTypeBuilder<SurveyEdition> builder)
    {
        builder.ToTable("Editions");
        builder.HasIndex(e => e.Year).IsUnique();
        builder.HasOne(e => e.Series).WithMany().HasForeignKey(e => e.SeriesId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.Property(o => o.Code).HasMaxLength(16);
        builder.HasIndex(o => o.Code).IsUnique();
    }
}

internal sealed class OrganisationEditionConfiguration : IEntityTypeConfiguration<OrganisationEdition>
{
    public void Configure(EntityTypeBuilder<OrganisationEdition> builder)
    {
        builder.ToTable("OrganisationEditions");
        builder.HasKey(f => new { f.EditionId, f.OrganisationId });
        builder.Property(f => f.Name).HasMaxLength(200);

        // "One organisation across editions": its header, and the newest facts a viewer may see.
        builder.HasIndex(f => f.OrganisationId);

        // An edition's peers at one level: funnels, ranks and the finder.
        builder.HasIndex(f => new { f.EditionId, f.Level });
        builder.HasOne(f => f.Edition).WithMany().HasForeignKey(f => f.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(f => f.Organisation).WithMany().HasForeignKey(f => f.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Alliance).WithMany().HasForeignKey(f => f.AllianceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Icb).WithMany().HasForeignKey(f => f.IcbId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Region).WithMany().HasForeignKey(f => f.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SuccessionConfiguration : IEntityTypeConfiguration<Succession>
{
    public void Configure(EntityTypeBuilder<Succession> builder)
    {
        builder.ToTable("Successions");

        // One story per organisation: a later lookup replaces it.
        builder.HasIndex(s => s.PredecessorId).IsUnique();

        // "What did this organisation take over": a successor's predecessors on its pages.
        builder.HasIndex(s => s.SuccessorId);
        builder.HasOne(s => s.Predecessor).WithMany().HasForeignKey(s => s.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(s => s.Successor).WithMany().HasForeignKey(s => s.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("Questions");
        builder.Property(q => q.Text).HasMaxLength(400);
        builder.Property(q => q.Section).HasMaxLength(100);
        builder.HasIndex(q => new { q.EditionId, q.Number }).IsUnique();
        builder.HasOne(q => q.Edition).WithMany().HasForeignKey(q => q.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TumourGroupConfiguration : IEntityTypeConfiguration<TumourGroup>
{
    public void Configure(EntityTypeBuilder<TumourGroup> builder)
    {
        builder.ToTable("TumourGroups");
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasData(TumourGroups.All.Select(t => new TumourGroup { Id = t.Id, Name = t.Name }));
    }
}

internal sealed class BreakdownGroupConfiguration : IEntityTypeConfiguration<BreakdownGroup>
{
    public void Configure(EntityTypeBuilder<BreakdownGroup> builder)
    {
        builder.ToTable("Breakdowns");
        builder.Property(b => b.Dimension).HasMaxLength(Breakdown.MaxDimensionLength);
        builder.Property(b => b.Group).HasMaxLength(Breakdown.MaxGroupLength);
        builder.HasIndex(b => new { b.Dimension, b.Group }).IsUnique();
        builder.HasData(Breakdown.Seeded.Select(s => new BreakdownGroup
        {
            Id = s.Id,
            Dimension = s.Breakdown.Dimension,
            Group = s.Breakdown.Group,
            Order = s.Id % 10,
        }));
    }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> builder)
    {
        builder.ToTable("Imports");
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Sha256).HasMaxLength(64).IsFixedLength();
    }
}

internal sealed class SurveyResultConfiguration : IEntityTypeConfiguration<SurveyResult>
{
    public void Configure(EntityTypeBuilder<SurveyResult> builder)
    {
        builder.ToTable("Results");
        builder.Property(r => r.SourceNote).HasMaxLength(300);

        // The column keeps the name it had when breakdowns were a fixed list, whose values are the seeded groups' ids.
        // No foreign key: all patients (0) is no group.
        builder.Property(r => r.BreakdownId).HasColumnName("Breakdown");

        // The natural key, organisation first: it also serves "one organisation in one edition" (the results page)
        // and "one organisation across editions" (trends and the filters on offer).
        builder.HasIndex(r => new { r.OrganisationId, r.EditionId, r.QuestionId, r.TumourGroupId, r.BreakdownId, r.Basis })
            .IsUnique();

        // "One question across every organisation": funnel plots, England figures, trends.
        builder.HasIndex(r => new { r.QuestionId, r.TumourGroupId, r.BreakdownId, r.Basis });

        builder.HasOne(r => r.Edition).WithMany().HasForeignKey(r => r.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Organisation).WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Question).WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne(r => r.TumourGroup).WithMany().HasForeignKey(r => r.TumourGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(r => r.Import).WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AnswerSetConfiguration : IEntityTypeConfiguration<AnswerSet>
{
    public void Configure(EntityTypeBuilder<AnswerSet> builder)
    {
        builder.ToTable("AnswerSets");

        // The results' natural key without a basis (answers are raw counts), organisation first as the pages read it.
        builder.HasIndex(a => new { a.OrganisationId, a.EditionId, a.QuestionId, a.TumourGroupId, a.BreakdownId }).IsUnique();
        builder.HasOne(a => a.Edition).WithMany().HasForeignKey(a => a.EditionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Organisation).WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Question).WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<TumourGroup>().WithMany().HasForeignKey(a => a.TumourGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportRecord>().WithMany().HasForeignKey(a => a.ImportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Options).WithOne(o => o.Set).HasForeignKey(o => o.AnswerSetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnswerOptionConfiguration : IEntityTypeConfiguration<AnswerOption>
{
    public void Configure(EntityTypeBuilder<AnswerOption> builder)
    {
        builder.ToTable("AnswerOptions");
        builder.Property(o => o.Label).HasMaxLength(200);
        builder.HasIndex(o => new { o.AnswerSetId, o.Order }).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.Property(a => a.Actor).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.Details).HasMaxLength(2000);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasIndex(a => a.At);
    }
}

internal sealed class SavedLayoutConfiguration : IEntityTypeConfiguration<SavedLayout>
{
    public void Configure(EntityTypeBuilder<SavedLayout> builder)
    {
        builder.ToTable("SavedLayouts");
        builder.Property(l => l.Name).HasMaxLength(SavedLayout.MaxNameLength);
        builder.Property(l => l.HeaderSignature).HasMaxLength(64);
        builder.Property(l => l.SavedBy).HasMaxLength(256);
        builder.HasIndex(l => l.Name).IsUnique();

        // Every import of a file the product does not know looks its header up here.
        builder.HasIndex(l => l.HeaderSignature);
    }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.ToTable("DataVersion");
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasData(new DataVersion { Id = DataVersion.SingletonId, Version = 1 });
    }
}
