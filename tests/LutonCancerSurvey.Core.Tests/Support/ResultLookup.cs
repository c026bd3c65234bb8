using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>Finds one stored result by its natural key, spelt the way a reader of the file would.</summary>
public static class ResultLookup
{
    public static async Task<SurveyResult> SingleResultAsync(
        this SurveyDbContext db,
        string organisationCode,
        int year,
        int question,
        ResultBasis basis,
        string tumourGroup = TumourGroups.AllCancers,
        string breakdown = "all")
    {
        if (!Breakdown.TryParse(breakdown, out var group))
        {
            throw new ArgumentException($"'{breakdown}' is not a breakdown", nameof(breakdown));
        }

        var breakdownId = group.IsAllPatients
            ? Breakdown.AllPatientsId
            : await db.Breakdowns.Where(b => b.Dimension == group.Dimension && b.Group == group.Group).Select(b => b.Id).SingleAsync();
        var tumourGroupId = TumourGroups.FindId(tumourGroup)
            ?? throw new ArgumentException($"unknown tumour group '{tumourGroup}'", nameof(tumourGroup));
        return await db.Results.AsNoTracking()
            .Include(r => r.Organisation)
            .Include(r => r.Question)
            .Include(r => r.Edition)
            .SingleAsync(r => r.Organisation!.Code == organisationCode
                && r.Edition!.Year == year
                && r.Question!.Number == question
                && r.TumourGroupId == tumourGroupId
                && r.BreakdownId == breakdownId
                && r.Basis == basis);
    }

    /// <summary>The organisation as its newest edition states it: name, and its Alliance's code and name that year.</summary>
    public static Task<OrganisationAsStated> OrganisationAsync(this SurveyDbContext db, string code) =>
        db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Organisation!.Code == code)
            .OrderByDescending(f => f.Edition!.Year)
            .Select(f => new OrganisationAsStated(
                f.Organisation!.Code,
                f.Organisation.Level,
                f.Name,
                f.AllianceId,
                f.Alliance == null ? null : f.Alliance.Code,
                db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.AllianceId).Select(a => a.Name).FirstOrDefault()))
            .FirstAsync();

    /// <summary>An organisation's name and Alliance as one edition states them.</summary>
    public static Task<OrganisationAsStated> OrganisationAsync(this SurveyDbContext db, string code, int year) =>
        db.OrganisationEditions.AsNoTracking()
            .Where(f => f.Organisation!.Code == code && f.Edition!.Year == year)
            .Select(f => new OrganisationAsStated(
                f.Organisation!.Code,
                f.Organisation.Level,
                f.Name,
                f.AllianceId,
                f.Alliance == null ? null : f.Alliance.Code,
                db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.AllianceId).Select(a => a.Name).FirstOrDefault()))
            .SingleAsync();
}

public sealed record OrganisationAsStated(
    string Code, OrganisationLevel Level, string Name, int? AllianceId, string? AllianceCode, string? AllianceName);
