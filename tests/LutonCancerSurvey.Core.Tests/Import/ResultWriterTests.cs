using System.Globalization;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>SQLite is written through its own API; a server database keeps the batched ADO.NET writer.</summary>
public sealed class ResultWriterTests
{
    private const string UnusedSqlServerConnection = "Server=localhost;Database=LutonCancerSurvey;Integrated Security=true";

    [Fact]
    public async Task SQLiteGetsTheWriterThatBindsThroughSQLitesOwnAPI()
    {
        using var database = new TestDatabase();
        await using var db = database.NewContext();
        await using var transaction = await db.Database.BeginTransactionAsync();

        await using var writer = ResultWriter.Create(db, transaction.GetDbTransaction(), importId: 1);

        writer.Should().BeOfType<SqliteResultWriter>();
    }

    [Fact]
    public async Task SQLServerGetsTheBatchedWriterWithStatementsThatParseAsTransactSql()
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>();
        options.UseSurveyDatabase(DatabaseProvider.SqlServer, UnusedSqlServerConnection);
        await using var db = new SurveyDbContext(options.Options, FixedViewer.Commissioner, TimeProvider.System);

        await using var writer = ResultWriter.Create(db, transaction: null!, importId: 1);
        var (insertPrefix, update) = ResultWriter.Statements(
            db, i => string.Create(CultureInfo.InvariantCulture, $"@v{i}"), "@id");
        var width = ResultWriter.KeyColumns.Length + ResultWriter.ValueColumns.Length;
        var insert = insertPrefix + "(" + string.Join(", ", Enumerable.Range(0, width).Select(p => $"@p{p}")) + ")";

        writer.Should().BeOfType<BatchedResultWriter>();
        insert.Should().StartWith("INSERT INTO [Results] ([EditionId], ");
        update.Should().EndWith("WHERE [Id] = @id");
        ParseErrors(insert + ";\n" + update + ";").Should().BeEmpty();
    }

    private static List<string> ParseErrors(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        return errors.Select(e => $"line {e.Line}: {e.Message}").ToList();
    }
}
