using System.Text.RegularExpressions;
using LutonCancerSurvey.Core.Export;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Tests.Export;

/// <summary>docs/data-format.md describes the tidy layout the code writes and reads: its table and examples follow <see cref="TidyColumns.All"/>.</summary>
public partial class DataFormatDocumentTests
{
    private static readonly string[] Lines = File.ReadAllLines(DocumentPath());

    [Fact]
    public void TidyTable_ListsEveryColumnInFileOrder_MarkingTheOptionalOnes()
    {
        var rows = TableRows("## The tidy layout");

        var names = rows.SelectMany(r => ColumnName().Matches(r.Split('|')[1]).Select(m => m.Groups[1].Value)).ToList();
        var optional = rows.Where(r => r.Split('|')[2].Trim() == "optional column")
            .Select(r => ColumnName().Match(r.Split('|')[1]).Groups[1].Value);

        names.Should().Equal(TidyColumns.All.Select(c => c.Name));
        optional.Should().Equal(TidyColumns.All.Where(c => !c.Required).Select(c => c.Name));
    }

    [Fact]
    public void TidyExamples_HaveTheHeadersTheWriterWrites()
    {
        var headers = Lines.Where(l => l.StartsWith("year,level,organisation_code,", StringComparison.Ordinal)).ToList();

        headers.Should().Equal(
            string.Join(',', TidyCsvWriter.Header),
            string.Join(',', TidyCsvWriter.Header.Append(TidyColumns.ComparedWith)),
            string.Join(',', TidyCsvWriter.Header.Concat([TidyColumns.Answer, TidyColumns.AnswerOrder, TidyColumns.AnswerPositive])));
    }

    /// <summary>The rows of the first table after <paramref name="heading"/>, without its header and rule.</summary>
    private static List<string> TableRows(string heading) =>
        Lines.SkipWhile(l => !l.StartsWith(heading, StringComparison.Ordinal))
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .ToList();

    private static string DocumentPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LutonCancerSurvey.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "data-format.md");
            }
        }

        throw new InvalidOperationException("The repository's docs folder was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("`([a-z_]+)`")]
    private static partial Regex ColumnName();
}
