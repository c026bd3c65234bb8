using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;

namespace LutonCancerSurvey.Core.Tests.Findings;

/// <summary>The wording rules on constructed cases: the sentence may only claim what its evidence supports.</summary>
public class FindingsWriterTests
{
    private static readonly SourceInfo Source = new("constructed.csv", DateTimeOffset.UnixEpoch, 1, null);
    private static readonly QuestionInfo Q59 = new(59, "Overall, how would you rate your care?", "Your overall NHS care", Scoring.MeanOutOfTen);
    private static readonly QuestionInfo Q22 = new(22, "Did hospital staff give you information about financial help?", "Support for people with cancer", Scoring.PercentPositive);
    private static readonly QuestionInfo Q26 = new(26, "After the operation, did staff explain how it had gone?", "Operations", Scoring.PercentPositive);

    private static Figure Fig(
        ResultBasis basis, double? score, int? n = null, double? ciLower = null, double? ciUpper = null,
        double? expectedLower = null, double? expectedUpper = null, Band? band = null, ChangeDirection? change = null,
        Suppression suppression = Suppression.None) =>
        new(basis, n, suppression == Suppression.None ? score : null, ciLower, ciUpper, expectedLower, expectedUpper, band, change, null, suppression, Source)
        {
            // As a tidy file written by hand records it: the places the figure is written with.
            Decimals = suppression == Suppression.None && score is { } s ? PlacesOf(s) : null,
        };

    private static int PlacesOf(double value)
    {
        var text = value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
        var point = text.IndexOf('.', StringComparison.Ordinal);
        return point < 0 ? 0 : text.Length - point - 1;
    }

    private static FindingsInput Input(
        IReadOnlyList<QuestionFindingInput> questions, int year = 2018, int? previousYear = null,
        IReadOnlyList<TumourFindingInput>? tumours = null, string? alliance = null, OrganisationLevel level = OrganisationLevel.Ccg) =>
        new("NHS Testshire CCG", level, year, alliance, previousYear, questions, tumours ?? []);

    private static QuestionFindingInput Overall(Figure own, Figure? england, Figure? alliance = null) =>
        new(Q59, own, england, alliance, null, null);

    private static Finding Single(IReadOnlyList<Finding> findings, FindingKind kind) =>
        findings.Should().ContainSingle(f => f.Kind == kind).Subject;

    [Fact]
    public void Overall_AboveItsExpectedRange_IsSignificantlyHigherThanEngland()
    {
        var own = Fig(ResultBasis.Adjusted, 8.99, 640, 8.88, 9.09, 8.66, 8.95, Band.Above);
        var findings = FindingsWriter.Write(Input([Overall(own, Fig(ResultBasis.Unadjusted, 8.80, 70942))]));

        var finding = Single(findings, FindingKind.OverallAgainstEngland);
        finding.Verdict.Should().Be(Verdict.SignificantlyHigher);
        finding.Sentence.Should().Be("NHS Testshire CCG's overall rating of care in 2018 was 8.99 out of 10 (case-mix adjusted), significantly higher than England (8.8).");
        finding.Evidence.Single().Test.Should().StartWith("the published expected range");
        finding.Evidence.Single().Result.Should().Be("8.99 is above the expected range (8.66 to 8.95), published rating 1");
        finding.Evidence.Single().Respondents.Should().Be("NHS Testshire CCG 640; England 70,942");
    }

    [Fact]
    public void Overall_WithinItsExpectedRange_IsLowerButNotSignificantly()
    {
        var own = Fig(ResultBasis.Adjusted, 8.74, 189, 8.54, 8.94, 8.58, 9.03, Band.Within);
        var findings = FindingsWriter.Write(Input([Overall(own, Fig(ResultBasis.Unadjusted, 8.80, 70942))]));

        var finding = Single(findings, FindingKind.OverallAgainstEngland);
        finding.Verdict.Should().Be(Verdict.LowerNotSignificant);
        finding.Sentence.Should().EndWith("lower than England (8.8), but not significantly.");
    }

    [Fact]
    public void Overall_WithEqualRoundedFiguresAndNoTest_IsSimilar()
    {
        var findings = FindingsWriter.Write(Input([Overall(Fig(ResultBasis.Adjusted, 8.7), Fig(ResultBasis.Adjusted, 8.7))], year: 2016));

        var finding = Single(findings, FindingKind.OverallAgainstEngland);
        finding.Verdict.Should().Be(Verdict.Similar);
        finding.Sentence.Should().Be("NHS Testshire CCG's overall rating of care in 2016 was 8.7 out of 10 (case-mix adjusted), similar to England (8.7).");
        finding.Evidence.Single().Test.Should().Be("none (no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread)");
    }

    [Fact]
    public void Overall_Suppressed_ClaimsNothing()
    {
        var own = Fig(ResultBasis.Adjusted, null, 15, suppression: Suppression.FewRespondents);
        var findings = FindingsWriter.Write(Input([Overall(own, Fig(ResultBasis.Unadjusted, 8.80, 70942))]));

        var finding = Single(findings, FindingKind.OverallAgainstEngland);
        finding.Verdict.Should().Be(Verdict.NotCompared);
        finding.Sentence.Should().Be("NHS Testshire CCG's overall rating of care for 2018 is not shown: fewer than 21 respondents, so it is not compared with England.");
        finding.Sentence.Should().NotContainAny("higher", "lower", "similar");
        finding.Evidence.Single().Respondents.Should().Be("NHS Testshire CCG not published; England 70,942", "a suppressed count is not shown either");
    }

    [Fact]
    public void Overall_AgainstAFigureOnAnotherBasis_IsNotCompared()
    {
        var findings = FindingsWriter.Write(Input([Overall(Fig(ResultBasis.Unadjusted, 8.5, 100), Fig(ResultBasis.Adjusted, 8.8))]));

        var finding = Single(findings, FindingKind.OverallAgainstEngland);
        finding.Verdict.Should().Be(Verdict.NotCompared);
        finding.Sentence.Should().Contain("it is not compared with England's figure, which is case-mix adjusted: the bases differ.");
    }

    [Fact]
    public void Overall_AgainstItsOwnAlliance_IsNeverTested()
    {
        var own = Fig(ResultBasis.Adjusted, 8.2, 300, 8.0, 8.4, 8.6, 9.0, Band.Below);
        var alliance = Fig(ResultBasis.Adjusted, 8.9, 9000, 8.88, 8.92);
        var findings = FindingsWriter.Write(Input([Overall(own, Fig(ResultBasis.Unadjusted, 8.8, 70000), alliance)], alliance: "Testshire"));

        var finding = Single(findings, FindingKind.OverallAgainstAlliance);
        finding.Verdict.Should().Be(Verdict.LowerUntested);
        finding.Sentence.Should().Contain("lower than the Testshire Cancer Alliance (8.9); whether that is more than chance cannot be tested")
            .And.NotContain("significantly");
    }

    [Fact]
    public void Overall_AgainstItsAllianceInsideTheConfidenceInterval_IsSimilar()
    {
        var own = Fig(ResultBasis.Adjusted, 8.74, 189, 8.54, 8.94, 8.58, 9.03, Band.Within);
        var alliance = Fig(ResultBasis.Adjusted, 8.81, 8839, 8.79, 8.84);
        var findings = FindingsWriter.Write(Input([Overall(own, Fig(ResultBasis.Unadjusted, 8.8, 70000), alliance)], alliance: "Testshire"));

        var finding = Single(findings, FindingKind.OverallAgainstAlliance);
        finding.Verdict.Should().Be(Verdict.Similar);
        finding.Evidence.Single().Result.Should().Contain("lies inside the published 95% confidence interval (8.54 to 8.94)");
    }

    [Fact]
    public void ExpectedRange_AboveAndBelow_NameTheQuestionAndItsRange()
    {
        var above = new QuestionFindingInput(Q22, Fig(ResultBasis.Adjusted, 73, 129, 65, 80, 51.4, 69.6, Band.Above), Fig(ResultBasis.Unadjusted, 60, 36000), null, null, null);
        var below = new QuestionFindingInput(Q26, Fig(ResultBasis.Adjusted, 71, 103, 62, 79, 71, 87, Band.Below), Fig(ResultBasis.Unadjusted, 79, 38000), null, null, null);
        var findings = FindingsWriter.Write(Input([above, below]));

        Single(findings, FindingKind.AboveExpected).Sentence.Should().Be(
            "Q22, “Did hospital staff give you information about financial help?”: 73% positive, significantly higher than expected (expected range 51.4 to 69.6; England 60%).");
        var low = Single(findings, FindingKind.BelowExpected);
        low.Sentence.Should().EndWith(
            "71% positive, significantly lower than expected (expected range 71 to 87; England 79%): rounded as published, the score sits on the range, but the survey rated its unrounded score, which is below it.");
        low.Evidence.Single().Result.Should().EndWith("the source rated it on unrounded figures", "71 sits on the rounded bound");
        Single(findings, FindingKind.ExpectedRangeSummary).Sentence.Should().Contain("significantly better than expected on 1, significantly worse than expected on 1 and as expected on 0");
    }

    [Fact]
    public void ExpectedRange_AboveWithTheRoundedScoreInsideTheRange_SaysRoundingHidesTheDifference()
    {
        // As on a real CCG page: 64 % rated above a published range of 49 to 64.
        var above = new QuestionFindingInput(Q22, Fig(ResultBasis.Adjusted, 64, 150, 56, 71, 49, 64, Band.Above), Fig(ResultBasis.Unadjusted, 56, 36000), null, null, null);

        var findings = FindingsWriter.Write(Input([above]));

        Single(findings, FindingKind.AboveExpected).Sentence.Should().EndWith(
            "64% positive, significantly higher than expected (expected range 49 to 64; England 56%): rounded as published, the score sits on the range, but the survey rated its unrounded score, which is above it.");
    }

    [Fact]
    public void ExpectedRange_Evidence_DescribesTheRangeAsTheSurveysAllowanceNotTwoStandardErrors()
    {
        var above = new QuestionFindingInput(Q22, Fig(ResultBasis.Adjusted, 73, 129, 65, 80, 51.4, 69.6, Band.Above), Fig(ResultBasis.Unadjusted, 60, 36000), null, null, null);

        var findings = FindingsWriter.Write(Input([above]));

        findings.SelectMany(f => f.Evidence).Select(e => e.Test).Should().NotContain(t => t.Contains("standard errors", StringComparison.Ordinal));
        Single(findings, FindingKind.AboveExpected).Evidence.Single().Test.Should().Be(
            "the published expected range for the case-mix adjusted score with 129 respondents (the survey's 95% range around England's score for the organisation's respondents, allowing for chance and for the variation between organisations the survey expects)");
    }

    [Fact]
    public void TumourGroup_WithoutRespondents_IsHigherButCannotBeTested()
    {
        var tumour = new TumourFindingInput(3, Fig(ResultBasis.Unadjusted, 9.2), Fig(ResultBasis.Unadjusted, 8.8));
        var findings = FindingsWriter.Write(Input([], tumours: [tumour]));

        var finding = Single(findings, FindingKind.TumourGroup);
        finding.Verdict.Should().Be(Verdict.HigherUntested);
        finding.Sentence.Should().Be("Breast: patients rated their care 9.2 out of 10 (unadjusted), higher than England's Breast figure (8.8); whether that is more than chance cannot be tested: no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread.");
    }

    [Fact]
    public void TumourGroup_AMeanWithRespondentsButNoInterval_CannotBeTested()
    {
        var tumour = new TumourFindingInput(6, Fig(ResultBasis.Unadjusted, 8.14, 28), Fig(ResultBasis.Unadjusted, 8.94, 11492));
        var findings = FindingsWriter.Write(Input([], tumours: [tumour]));

        var finding = Single(findings, FindingKind.TumourGroup);
        finding.Verdict.Should().Be(Verdict.LowerUntested);
        finding.Sentence.Should().EndWith("no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread.");
        Single(findings, FindingKind.TumourGroupSummary).Sentence.Should().Contain("none could be tested");
    }

    [Fact]
    public void TumourGroup_AMeanWithRespondentsAndAPooledSpread_IsTestedOnItsRespondents()
    {
        // SE = 1.62 / √28 = 0.306; z = (8.14 - 8.94) / 0.306 = -2.61, p = 0.009 < 0.05.
        var tumour = new TumourFindingInput(6, Fig(ResultBasis.Unadjusted, 8.14, 28), Fig(ResultBasis.Unadjusted, 8.94, 11492));
        var input = Input([], tumours: [tumour]) with { OverallRatingSpread = new PooledSpread(1.62, "pooled over every CCG") };

        var findings = FindingsWriter.Write(input);

        var finding = Single(findings, FindingKind.TumourGroup);
        finding.Verdict.Should().Be(Verdict.SignificantlyLower);
        finding.Sentence.Should().Be("Haematological: patients rated their care 8.14 out of 10 (unadjusted), significantly lower than England's Haematological figure (8.94).");
        finding.Evidence.Single().Test.Should().Be(
            "z-test of the difference from the comparator's figure (taken as fixed), standard error from its 28 respondents and a spread of answers of 1.62 (pooled over every CCG), two-sided, p < 0.05 (a single comparison, no correction needed)");
        finding.Evidence.Single().Result.Should().Be("z = -2.61, p = 0.009: significant");
        Single(findings, FindingKind.TumourGroupSummary).Sentence.Should().Contain("1 of the 1 tested differs significantly");
    }

    [Fact]
    public void TumourGroup_APooledSpreadButNoRespondents_StillCannotBeTested()
    {
        var tumour = new TumourFindingInput(3, Fig(ResultBasis.Unadjusted, 9.2), Fig(ResultBasis.Unadjusted, 8.8));
        var input = Input([], tumours: [tumour]) with { OverallRatingSpread = new PooledSpread(1.62, "pooled over every CCG") };

        var finding = Single(FindingsWriter.Write(input), FindingKind.TumourGroup);

        finding.Verdict.Should().Be(Verdict.HigherUntested);
    }

    [Fact]
    public void TumourGroup_WithAnIntervalExcludingEngland_IsTestedWithABonferroniCorrection()
    {
        // SE = (8.6 - 7.8) / (2 × 1.96) = 0.204; z = (8.2 - 8.9) / 0.204 = -3.43, p = 0.0006 < 0.05 / 2.
        TumourFindingInput[] tumours =
        [
            new(3, Fig(ResultBasis.Unadjusted, 8.2, 120, 7.8, 8.6), Fig(ResultBasis.Unadjusted, 8.9, 15000)),
            new(8, Fig(ResultBasis.Unadjusted, 8.6, 60, 8.2, 9.0), Fig(ResultBasis.Unadjusted, 8.8, 4000)),
        ];
        var findings = FindingsWriter.Write(Input([], tumours: tumours));

        var breast = findings.Single(f => f.Kind == FindingKind.TumourGroup && f.TumourGroupId == 3);
        breast.Verdict.Should().Be(Verdict.SignificantlyLower);
        breast.Sentence.Should().Contain("significantly lower than England's Breast figure (8.9)");
        breast.Evidence.Single().Test.Should().Contain("Bonferroni correction for the 2 comparisons (p < 0.025)");
        breast.Evidence.Single().Result.Should().Be("z = -3.43, p < 0.001: significant");
        findings.Should().NotContain(f => f.TumourGroupId == 8, "Lung's 8.6 has England's 8.8 inside its interval, so it does not stand out");
    }

    [Fact]
    public void TumourGroup_Suppressed_IsCountedButNotDescribed()
    {
        TumourFindingInput[] tumours =
        [
            new(3, Fig(ResultBasis.Unadjusted, null, 12, suppression: Suppression.FewRespondents), Fig(ResultBasis.Unadjusted, 8.9, 15000)),
        ];
        var findings = FindingsWriter.Write(Input([], tumours: tumours));

        findings.Should().NotContain(f => f.Kind == FindingKind.TumourGroup);
        Single(findings, FindingKind.TumourGroupSummary).Sentence.Should().Contain("0 can be shown (1 has fewer than 21 respondents or is suppressed)");
    }

    [Fact]
    public void Change_FlaggedDownBySource_IsADecline()
    {
        var q = new QuestionFindingInput(Q22, Fig(ResultBasis.Adjusted, 31, 497), null, null,
            Fig(ResultBasis.Trend, 31, 497, change: ChangeDirection.Down), Fig(ResultBasis.Trend, 43, 452));
        var findings = FindingsWriter.Write(Input([q], previousYear: 2017));

        var change = Single(findings, FindingKind.Change);
        change.Verdict.Should().Be(Verdict.SignificantlyLower);
        change.Sentence.Should().Be("Q22, “Did hospital staff give you information about financial help?”: 31% positive in 2018, down from 43% in 2017, a significant decline since 2017 by the source's published year-on-year test.");
        change.Evidence.Single().Result.Should().Be("published flag Down (a significant decrease)");
        Single(findings, FindingKind.ChangeSummary).Sentence.Should().Contain("0 improved and 1 declined");
    }

    [Fact]
    public void Change_FlaggedButEqualOnceRounded_IsNotCalledUpOrDown()
    {
        var q = new QuestionFindingInput(Q22, null, null, null,
            Fig(ResultBasis.Trend, 84, 71057, change: ChangeDirection.Down), Fig(ResultBasis.Trend, 84, 66926));
        var findings = FindingsWriter.Write(Input([q], previousYear: 2017));

        Single(findings, FindingKind.Change).Sentence.Should().Contain("84% positive in 2018, against 84% in 2017 (equal once rounded; the test used unrounded figures), a significant decline");
    }

    [Fact]
    public void Change_WithoutAPublishedFlag_IsTestedAtTheSurveysSensitivityAndSaysSo()
    {
        // 90 % of 400 against 70 % of 400: z = 7.1, significant at 0.01.
        // 72 % of 39 against 90 % of 39: z = -2.03, p = 0.043, not significant at 0.01 (nor within rounding: p = 0.032 at 71.5 vs 90.5).
        QuestionFindingInput[] questions =
        [
            new(Q22, null, null, null, Fig(ResultBasis.Trend, 90, 400), Fig(ResultBasis.Trend, 70, 400)),
            new(Q26, null, null, null, Fig(ResultBasis.Trend, 72, 39), Fig(ResultBasis.Trend, 90, 39)),
        ];
        var findings = FindingsWriter.Write(Input(questions, year: 2017, previousYear: 2016));

        var summary = Single(findings, FindingKind.ChangeSummary);
        summary.Sentence.Should().Contain("The source published no year-on-year test for 2017, so the dashboard tested the change since 2016 itself: 1 of 2 questions tested changed significantly");
        summary.Evidence.Single().Test.Should().Be("two-proportion z-test (pooled), two-sided, p < 0.01 for each question, the level at which it flags about as many changes as the survey's own year-on-year test");
        var change = findings.Single(f => f.Kind == FindingKind.Change);
        change.QuestionNumber.Should().Be(22, "only the significant change is listed when there is one");
        change.Sentence.Should().EndWith("90% positive in 2017, up from 70% in 2016, a significant improvement since 2016 by a two-proportion z-test at p < 0.01.");
    }

    [Fact]
    public void Change_NotSignificantAtTheLevel_IsHigherOrLowerButNotSignificantly()
    {
        QuestionFindingInput[] questions =
        [
            new(Q22, null, null, null, Fig(ResultBasis.Trend, 80, 100), Fig(ResultBasis.Trend, 78, 100)),
            new(Q26, null, null, null, Fig(ResultBasis.Trend, 72, 39), Fig(ResultBasis.Trend, 90, 39)),
        ];
        var findings = FindingsWriter.Write(Input(questions, year: 2017, previousYear: 2016));

        var change = Single(findings, FindingKind.Change);
        change.Verdict.Should().Be(Verdict.LowerNotSignificant);
        change.Sentence.Should().EndWith("72% positive in 2017, lower than the 2016 figure (90%), but not significantly.");
        change.Evidence.Single().Result.Should().Be("z = -2.03, p = 0.043: not significant");
    }

    [Fact]
    public void Change_ThatRoundingCouldFlip_IsMarkedBorderline()
    {
        // 60 % vs 51 % of 400 each: p = 0.0104, not significant at 0.01; but 60.5 vs 50.5 gives p = 0.0044.
        var q = new QuestionFindingInput(Q22, null, null, null, Fig(ResultBasis.Trend, 60, 400), Fig(ResultBasis.Trend, 51, 400));
        var findings = FindingsWriter.Write(Input([q], year: 2017, previousYear: 2016));

        var change = Single(findings, FindingKind.Change);
        change.Verdict.Should().Be(Verdict.HigherNotSignificant);
        change.Sentence.Should().EndWith("60% positive in 2017, higher than the 2016 figure (51%), but not significantly by a two-proportion z-test at p < 0.01 (borderline: within the rounding of the published figures the verdict could be the other way).");
        change.Evidence.Single().Result.Should().Be("z = 2.56, p = 0.010: not significant; borderline: the published figures are rounded, and within that rounding the verdict could be the other way");
        Single(findings, FindingKind.ChangeSummary).Sentence.Should().Contain("1 of its 1 verdict is borderline");
    }

    [Fact]
    public void Change_WhenMostVerdictsAreBorderline_SaysThePublishedFiguresCannotDecideInsteadOfACount()
    {
        // Two of three verdicts could be flipped by the rounding (60 vs 51 of 400: p = 0.0104, 60.5 vs 50.5: p = 0.0044).
        var q38 = new QuestionInfo(38, "Were you given clear written information?", "Hospital care", Scoring.PercentPositive);
        QuestionFindingInput[] questions =
        [
            new(Q22, null, null, null, Fig(ResultBasis.Trend, 60, 400), Fig(ResultBasis.Trend, 51, 400)),
            new(Q26, null, null, null, Fig(ResultBasis.Trend, 60, 400), Fig(ResultBasis.Trend, 51, 400)),
            new(q38, null, null, null, Fig(ResultBasis.Trend, 90, 400), Fig(ResultBasis.Trend, 70, 400)),
        ];

        var findings = FindingsWriter.Write(Input(questions, year: 2017, previousYear: 2016));

        var summary = Single(findings, FindingKind.ChangeSummary).Sentence;
        summary.Should().Be(
            "The source published no year-on-year test for 2017, so the dashboard tested the change since 2016 itself (a two-proportion z-test for each question at p < 0.01), but 2 of its 3 verdicts are borderline: within the rounding of the published figures each could go either way, so the published figures cannot decide how many questions changed.");
        summary.Should().NotContain("changed significantly");
    }

    [Fact]
    public void Change_WhenEveryYearOnYearFigureIsSuppressed_SaysSoRatherThanThatNoTestWasPublished()
    {
        var q = new QuestionFindingInput(
            Q22, null, null, null, Fig(ResultBasis.Trend, null, 12, suppression: Suppression.FewRespondents) with { ChangeSincePrevious = ChangeDirection.Unchanged },
            Fig(ResultBasis.Trend, 70, 40));

        var findings = FindingsWriter.Write(Input([q], year: 2018, previousYear: 2017));

        var summary = Single(findings, FindingKind.ChangeSummary);
        summary.Sentence.Should().Be(
            "Every 2018 year-on-year figure for NHS Testshire CCG is suppressed (fewer than 21 respondents or by the source), so no change since the previous survey can be described.");
        summary.Sentence.Should().NotContain("published no year-on-year test");
    }

    [Fact]
    public void Change_PublishedToOneDecimal_IsBorderlineOnlyWithinHalfThatDecimal()
    {
        // Published as 60.0 and 50.0 of 400 each: p = 0.0045, and the true figures lie within 0.05 of those, which
        // cannot carry p across 0.01 (it could within 0.5). 60.0 and 50.9: p = 0.0096, and 60.05 against 50.95 gives
        // p = 0.0102, so that verdict is borderline.
        var clear = new QuestionFindingInput(
            Q22, null, null, null, Fig(ResultBasis.Trend, 60, 400) with { Decimals = 1 }, Fig(ResultBasis.Trend, 50, 400) with { Decimals = 1 });
        var close = new QuestionFindingInput(
            Q26, null, null, null, Fig(ResultBasis.Trend, 60, 400) with { Decimals = 1 }, Fig(ResultBasis.Trend, 50.9, 400) with { Decimals = 1 });

        var findings = FindingsWriter.Write(Input([clear, close], year: 2017, previousYear: 2016));

        var changes = findings.Where(f => f.Kind == FindingKind.Change).ToList();
        changes.Should().HaveCount(2);
        var clearChange = changes.Single(f => f.QuestionNumber == Q22.Number);
        clearChange.Sentence.Should().Contain("60.0%").And.Contain("50.0%");
        clearChange.Verdict.Should().Be(Verdict.SignificantlyHigher);
        clearChange.Evidence.Single().Result.Should().Be("z = 2.84, p = 0.004: significant");
        var closeChange = changes.Single(f => f.QuestionNumber == Q26.Number);
        closeChange.Verdict.Should().Be(Verdict.SignificantlyHigher);
        closeChange.Evidence.Single().Result.Should().EndWith(
            "significant; borderline: the published figures are rounded, and within that rounding the verdict could be the other way");
    }

    [Fact]
    public void Change_InTheOverallRatingWithoutAFlag_IsNotTested()
    {
        var q = new QuestionFindingInput(Q59, null, null, null, Fig(ResultBasis.Trend, 8.9, 185), Fig(ResultBasis.Trend, 8.6, 178));
        var findings = FindingsWriter.Write(Input([q], year: 2017, previousYear: 2016));

        var change = Single(findings, FindingKind.Change);
        change.Verdict.Should().Be(Verdict.HigherUntested);
        change.Sentence.Should().Contain("higher than the 2016 figure (8.6); whether that is more than chance cannot be tested: no confidence interval was published for this mean, and a respondent count alone does not give a mean's spread, so no test was made");
    }

    [Fact]
    public void Change_WithASuppressedYear_IsNotDescribed()
    {
        var q = new QuestionFindingInput(Q22, null, null, null, Fig(ResultBasis.Trend, 90, 400), Fig(ResultBasis.Trend, null, 12, suppression: Suppression.FewRespondents));
        var findings = FindingsWriter.Write(Input([q], year: 2017, previousYear: 2016));

        findings.Should().NotContain(f => f.Kind == FindingKind.Change);
        Single(findings, FindingKind.ChangeSummary).Sentence.Should().Contain("no question has the respondent counts in both 2016 and 2017");
    }

    [Fact]
    public void Change_AcrossDifferentQuestionnaires_IsNotCompared()
    {
        var q = new QuestionFindingInput(Q22, null, null, null, Fig(ResultBasis.Trend, 90, 400), Fig(ResultBasis.Trend, 60, 400));
        var findings = FindingsWriter.Write(Input([q], year: 2021, previousYear: 2019) with { PreviousOnOtherQuestionnaire = true });
        var sameQuestionnaire = FindingsWriter.Write(Input([q], year: 2019, previousYear: 2018));

        var summary = Single(findings, FindingKind.ChangeSummary);
        summary.Verdict.Should().Be(Verdict.NotCompared);
        summary.Sentence.Should().Be("The 2019 and 2021 surveys used different questionnaires, so question results are not compared between them.");
        Single(sameQuestionnaire, FindingKind.ChangeSummary).Verdict.Should().NotBe(Verdict.NotCompared,
            "2019 used the questionnaire of 2015 to 2018, which the database, not a rule in code, says");
        findings.Should().NotContain(f => f.Kind == FindingKind.Change);
    }

    [Fact]
    public void Change_WithoutAnEarlierEdition_SaysNothingChanged()
    {
        var q = new QuestionFindingInput(Q22, null, null, null, Fig(ResultBasis.Trend, 90, 400), null);

        Single(FindingsWriter.Write(Input([q])), FindingKind.ChangeSummary).Sentence
            .Should().Be("No earlier edition is published for NHS Testshire CCG, so no change since the previous survey can be described.");
    }

    [Fact]
    public void NoSentence_SaysSignificantlyWithoutATest()
    {
        QuestionFindingInput[] questions =
        [
            Overall(Fig(ResultBasis.Adjusted, 8.2, 300, 8.0, 8.4), Fig(ResultBasis.Unadjusted, 8.8, 70000), Fig(ResultBasis.Adjusted, 8.9, 9000)),
            new(Q22, Fig(ResultBasis.Unadjusted, 95), Fig(ResultBasis.Unadjusted, 56), null, Fig(ResultBasis.Trend, 95), Fig(ResultBasis.Trend, 50)),
        ];
        TumourFindingInput[] tumours = [new(3, Fig(ResultBasis.Unadjusted, 9.9), Fig(ResultBasis.Unadjusted, 8.0))];

        var findings = FindingsWriter.Write(Input(questions, year: 2017, previousYear: 2016, tumours: tumours, alliance: "Testshire"));

        foreach (var finding in findings.Where(f => f.Sentence.Contains("significantly", StringComparison.Ordinal)
            && !f.Sentence.Contains("not significantly", StringComparison.Ordinal)
            && !f.Sentence.Contains("called significantly different", StringComparison.Ordinal)))
        {
            finding.Evidence.Should().OnlyContain(e => !e.Test.StartsWith("none", StringComparison.Ordinal), finding.Sentence);
        }

        findings.Should().Contain(f => f.Verdict == Verdict.HigherUntested && f.Kind == FindingKind.TumourGroup);
    }
}
