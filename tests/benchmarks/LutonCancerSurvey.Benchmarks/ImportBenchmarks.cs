using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>
/// The importer end to end (parse, check, resolve keys, write, rebuild indexes) on a small SYNTHETIC file in the CPES
/// combined layout, built in memory with invented organisations and random figures, into a fresh in-memory SQLite
/// database each time.
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private static readonly int[] Questions = [.. Enumerable.Range(1, 59).Where(n => n is not (3 or 4 or 24 or 27 or 40 or 43 or 46))];
    private static readonly string[] Tumours = ["All Cancers", "Breast", "Lung", "Prostate", "Colorectal"];
    private byte[] _file = [];
    private Database? _database;

    [Params(10)]
    public int Organisations { get; set; }

    public int Rows { get; private set; }

    [GlobalSetup]
    public void BuildFile()
    {
        var random = new Random(1);
        var csv = new StringBuilder(
            "Geog,Trust.Code,Trust.Name,Year,Gender,IMD,Cancer.Type,Question.Number,Question.Text,adjusted.unadjusted.yearonyear,"
            + "Number.of.responses,scored.percentage,Lower.95..confidence.interval,Upper.95..confidence.interval,Performance.Rating,"
            + "Performance,Expected.Range..lower.,Expected.Range..upper.,Significant.Change.2017.2018,SignificantChangeOverallyears,"
            + "Significance.test,qnum,abrvperformance,CALNCV18NM,cpesqtype\n");
        for (var o = 1; o <= Organisations; o++)
        {
            foreach (var q in Questions)
            {
                foreach (var tumour in Tumours)
                {
                    var n = random.Next(10, 600);
                    var score = q == 59 ? 8 + random.NextDouble() : 50 + (random.NextDouble() * 45);
                    csv.Append(CultureInfo.InvariantCulture,
                        $"CCG,S{o:D4},Synthetic CCG {o:D4},2018,Both,All,{tumour},Q{q},Synthetic question {q},unadjusted,{n}.0,{score:0.00},,,,,,,,,,{q}.0,,Synthetic Alliance,\n");
                    Rows++;
                }
            }
        }

        _file = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [IterationSetup]
    public void NewDatabase() => _database = Database.InMemory();

    [IterationCleanup]
    public void DropDatabase() => _database?.Dispose();

    [Benchmark]
    public async Task<bool> ImportSyntheticCombinedFile()
    {
        using var stream = new MemoryStream(_file, writable: false);
        var outcome = await _database!.ImportAsync(stream, "synthetic-bench.csv");
        return outcome.Succeeded ? true : throw new InvalidOperationException(string.Join("; ", outcome.Errors.Select(e => e.Message)));
    }
}
