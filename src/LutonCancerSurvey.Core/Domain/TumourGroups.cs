namespace LutonCancerSurvey.Core.Domain;

/// <summary>The 13 CPES tumour groups plus the all-cancer total. Ids are fixed so URLs and files stay stable.</summary>
public static class TumourGroups
{
    public const int AllCancersId = 1;
    public const string AllCancers = "All Cancers";

    public static readonly IReadOnlyList<TumourGroup> All =
    [
        new() { Id = AllCancersId, Name = AllCancers },
        new() { Id = 2, Name = "Brain and CNS" },
        new() { Id = 3, Name = "Breast" },
        new() { Id = 4, Name = "Colorectal" },
        new() { Id = 5, Name = "Gynaecological" },
        new() { Id = 6, Name = "Haematological" },
        new() { Id = 7, Name = "Head and Neck" },
        new() { Id = 8, Name = "Lung" },
        new() { Id = 9, Name = "Prostate" },
        new() { Id = 10, Name = "Sarcoma" },
        new() { Id = 11, Name = "Skin" },
        new() { Id = 12, Name = "Upper Gastro" },
        new() { Id = 13, Name = "Urological" },
        new() { Id = 14, Name = "Other" },
    ];

    private static readonly Dictionary<string, int> IdsByName =
        All.ToDictionary(t => t.Name, t => t.Id, StringComparer.OrdinalIgnoreCase);

    public static int? FindId(string name) => IdsByName.TryGetValue(name.Trim(), out var id) ? id : null;

    public static string NameOf(int id) => All.First(t => t.Id == id).Name;
}
