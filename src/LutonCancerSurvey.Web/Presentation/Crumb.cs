namespace LutonCancerSurvey.Web.Presentation;

/// <summary>One step of a page's breadcrumbs: the page it leads to, from the top down.</summary>
public sealed record Crumb(string Text, string Href);
