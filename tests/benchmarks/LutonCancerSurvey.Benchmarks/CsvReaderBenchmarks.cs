using BenchmarkDotNet.Attributes;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>
/// The work of the importer's reading thread on the real 2018 file (361,868 rows): gunzip with its CRC check, CSV
/// parsing with the importer's settings, every field's validation and the row rules, with no database. Read
/// synchronously and without the thread's channel or field-count check, so it shows the reading cost alone.
/// </summary>
[MemoryDiagnoser]
public class CsvReaderBenchmarks
{
    private byte[] _file = [];

    [GlobalSetup]
    public void LoadFile() => _file = File.ReadAllBytes(RealDataFile.Find());

    [Benchmark]
    public long ReadAndCheckRealFile()
    {
        using var content = new MemoryStream(_file, writable: false);
        using var csv = SurveyImporter.OpenParser(content);
        var parser = new CsvRecordSource(csv);
        if (!csv.Read())
        {
            throw new InvalidOperationException("no header");
        }

        var header = csv.Record!.Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var layout = FileLayouts.Detect(header, e => throw new InvalidOperationException(e.Message))!;
        var columns = header.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index, StringComparer.Ordinal);
        long errors = 0;
        var field = new FieldReader(columns, _ => errors++);
        long rows = 0;
        while (csv.Read())
        {
            field.MoveTo(parser, parser.Line);
            var row = layout.Read(field);
            if (row is not null && RowRules.Apply(row, field, layout.MeasureColumns) is not null)
            {
                rows++;
            }
        }

        return errors == 0 ? rows : throw new InvalidOperationException($"{errors} errors in the real file");
    }
}
