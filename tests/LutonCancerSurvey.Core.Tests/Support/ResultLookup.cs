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
        Breakdown breakdown = Breakdown.AllPatients)
    {
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
                && r.Breakdown == breakdown
                && r.Basis == basis);
    }

    public static Task<Organisation> OrganisationAsync(this SurveyDbContext db, string code) =>
        db.Organisations.AsNoTracking().Include(o => o.Alliance).SingleAsync(o => o.Code == code);
}
