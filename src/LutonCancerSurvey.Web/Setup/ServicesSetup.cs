using System.Text.Json.Serialization;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Caching;
using Microsoft.AspNetCore.ResponseCompression;

namespace LutonCancerSurvey.Web.Setup;

public static class ServicesSetup
{
    public static WebApplicationBuilder AddSurveyServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Pages.Admin.StagedUploads>();
        builder.Services.AddHostedService<Pages.Admin.StagedUploadSweeper>();
        builder.Services.AddScoped<SurveyImporter>();
        builder.Services.AddScoped<Core.Admin.QuestionnaireImporter>();
        builder.Services.AddScoped<SavedLayouts>();
        builder.Services.AddScoped<Api.ApiReference>();
        builder.Services.AddScoped<SuccessionImporter>();
        // One query a page or API resource, each reading only what it renders; see Core/Queries.
        builder.Services.AddScoped<OrganisationHeaderQuery>();
        builder.Services.AddScoped<SuccessionsQuery>();
        builder.Services.AddScoped<EditionsQuery>();
        builder.Services.AddScoped<ResultsQuery>();
        builder.Services.AddScoped<TumourGroupsQuery>();
        builder.Services.AddScoped<KeyFindingsQuery>();
        builder.Services.AddScoped<QuestionQuery>();
        builder.Services.AddScoped<InequalitiesQuery>();
        builder.Services.AddScoped<OrganisationFinderQuery>();
        builder.Services.AddScoped<CompareQuery>();
        builder.Services.AddScoped<FunnelQuery>();
        builder.Services.AddScoped<AnswersQuery>();
        builder.Services.AddScoped<Presentation.KeyFindingsSource>();
        builder.Services.AddSingleton<FunnelBaselineCache>();
        builder.Services.AddSingleton<OrganisationHeaderCache>();
        builder.Services.AddSingleton<ReadCache>();
        builder.Services.AddScoped<HeldReads>();
        builder.Services.AddScoped<IDataVersionSource, DataStampVersion>();
        builder.Services.AddScoped<PageBodyKey>();
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.TagHelpers.CacheTagHelperOptions>(PageBodyKey.Configure);
        builder.Services.AddScoped<PublicationService>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddResponseCompression(PublicResponseCompression.Configure);
        // A public page is compressed once and then served from the output cache, so trade CPU for bytes.
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.AddSingleton<IResponseCompressionProvider, PublicResponseCompression>();
        builder.Services.AddOutputCache(options =>
        {
            options.AddBasePolicy(policy => policy.AddPolicy<PublicPageCache>());
            // Bounds memory when a crawler walks every organisation, year and filter: 64 MB holds about 4,000
            // compressed pages (15-20 KB each) or 600 uncompressed ones; the least recently used are evicted first.
            options.SizeLimit = 64L * 1024 * 1024;
        });
        builder.Services.AddRouting(options =>
            options.SetParameterPolicy<Routing.OrganisationCodeConstraint>(Routing.OrganisationCodeConstraint.Name));
        builder.Services.AddSingleton<Routing.PageLinks>();
        builder.Services.AddRazorPages(options =>
        {
            options.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
            options.Conventions.AddPageApplicationModelConvention("/Account/SignIn", model =>
                model.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(Policies.SignInRateLimit)));
        });
        // Numbers are numbers: the web default of also reading them from strings would make the API's schema say "string".
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.NumberHandling = JsonNumberHandling.Strict);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Luton Cancer Survey API";
            document.Info.Description =
                "Read-only results of the National Cancer Patient Experience Survey: published editions for everyone; a signed-in "
                + "commissioner or administrator also sees draft editions, whose answers carry an `embargo` and are not for publication. "
                + "A result based on " + Disclosure.FewerThanMinimum + ", or withheld by the published file, never carries a figure.";
            return Task.CompletedTask;
        }));
        return builder;
    }
}
