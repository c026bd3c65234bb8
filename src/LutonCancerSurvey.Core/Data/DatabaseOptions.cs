namespace LutonCancerSurvey.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string DefaultSqliteConnection = "Data Source=App_Data/survey.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;
}
