using LutonCancerSurvey.Web.Presentation;

namespace LutonCancerSurvey.Web.Tests.Presentation;

public class ShortQuestionTests
{
    [Fact]
    public void ShortQuestion_OfALongQuestion_CutsAtTheLastWholeWordThatFits_WithAnEllipsis()
    {
        var text = "During your cancer treatment, were you given enough care and support from health or social services?";

        Display.ShortQuestion(text).Should().Be("During your cancer treatment, were you given…");
        Display.IsShortened(text).Should().BeTrue();
    }

    [Fact]
    public void ShortQuestion_DropsPunctuationLeftAtTheCut()
    {
        Display.ShortQuestion("Patient given a choice of different types of treatment, before it started", 56)
            .Should().Be("Patient given a choice of different types of treatment…");
    }

    [Fact]
    public void ShortQuestion_OfAQuestionThatFits_IsTheQuestion()
    {
        Display.ShortQuestion("  Have you been given a care plan?  ").Should().Be("Have you been given a care plan?");
        Display.IsShortened("Have you been given a care plan?").Should().BeFalse();
    }

    [Fact]
    public void ShortQuestion_OfOneLongWord_CutsTheWord()
    {
        Display.ShortQuestion(new string('a', 60), 10).Should().Be("aaaaaaaaa…");
    }
}
