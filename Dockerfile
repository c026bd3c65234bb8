# syntax=docker/dockerfile:1
#
# Luton Cancer Survey dashboard.
#   docker build -t luton-cancer-survey .
#   docker run -p 8080:8080 -v lcs-data:/app/App_Data -e DataProtection__AllowUnencryptedKeys=true luton-cancer-survey
# (to try it; on a server give the key certificate instead: it runs in Production, which refuses unencrypted keys)
# See docs/deploying.md for the key certificate, SQL Server, importing files and configuration.

# Base images are pinned to exact versions, so a rebuild gets the same tools until someone moves the pin on purpose
# (bump them together with security releases). Add "@sha256:<digest>" after each tag where the registry can be
# reached to pin the bytes as well.
#
# Node.js for the front-end restore: the Web build runs `npm ci` and LibMan (filesystem provider) from MSBuild
# targets, so the SDK stage needs node and npm. Copying them from the official image pins a version that
# nhsuk-frontend accepts (node ^20.9 || ^22.11 || >= 24.11) whatever Node the SDK image's distribution ships.
FROM node:24.20.0-trixie-slim AS node

# The SDK and ASP.NET Core runtime the project is built and tested with (dotnet --version, dotnet --list-runtimes).
FROM mcr.microsoft.com/dotnet/sdk:10.0.401 AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules/npm /usr/local/lib/node_modules/npm
RUN ln -s /usr/local/lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
    && ln -s /usr/local/lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx \
    && node --version && npm --version
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1 \
    npm_config_update_notifier=false
WORKDIR /src

# Restore first, from the project files only, so the NuGet layer is cached until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/LutonCancerSurvey.Core/LutonCancerSurvey.Core.csproj src/LutonCancerSurvey.Core/
COPY src/LutonCancerSurvey.Migrations.Sqlite/LutonCancerSurvey.Migrations.Sqlite.csproj src/LutonCancerSurvey.Migrations.Sqlite/
COPY src/LutonCancerSurvey.Migrations.SqlServer/LutonCancerSurvey.Migrations.SqlServer.csproj src/LutonCancerSurvey.Migrations.SqlServer/
COPY src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj src/LutonCancerSurvey.Web/
# For the one platform the image runs on: without a runtime identifier the output carries native libraries for every
# other platform too (SQLite's and SQL Server's for Windows, macOS, Alpine and ARM): the same publish is 130 MB with
# 99 MB of them under runtimes/, and 71 MB for linux-x64 alone (measured 2026-12-06, docs/deploying.md).
RUN dotnet restore src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -r linux-x64

# npm packages next, from the lock file only, so this layer is cached until a front-end library changes.
COPY src/LutonCancerSurvey.Web/package.json src/LutonCancerSurvey.Web/package-lock.json src/LutonCancerSurvey.Web/
RUN cd src/LutonCancerSurvey.Web && npm ci --no-audit --no-fund

COPY src/ src/
# The same command as a local release build (docs/deploying.md); LibMan copies from node_modules, no CDN needed.
RUN dotnet publish src/LutonCancerSurvey.Web/LutonCancerSurvey.Web.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app/publish

FROM mcr.microsoft.com/dotnet/aspnet:10.0.12 AS runtime
WORKDIR /app
COPY --from=build /app/publish .

# The default SQLite database lives at /app/App_Data/survey.db (Data Source=App_Data/survey.db under the content
# root). The non-root user must own the folder, and a volume keeps the data across container replacements.
RUN mkdir -p /app/App_Data && chown "$APP_UID" /app/App_Data
VOLUME ["/app/App_Data"]

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
EXPOSE 8080

# No HEALTHCHECK: the aspnet image has neither curl nor wget, and adding one only for this would grow the image and
# its attack surface. Orchestrators probe GET /health on port 8080 themselves (see docs/deploying.md).

USER $APP_UID
ENTRYPOINT ["dotnet", "LutonCancerSurvey.Web.dll"]
