using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LutonCancerSurvey.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ParentsPerEdition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IcbId",
                table: "OrganisationEditions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RegionId",
                table: "OrganisationEditions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_IcbId",
                table: "OrganisationEditions",
                column: "IcbId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationEditions_RegionId",
                table: "OrganisationEditions",
                column: "RegionId");

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationEditions_Organisations_IcbId",
                table: "OrganisationEditions",
                column: "IcbId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_OrganisationEditions_Organisations_RegionId",
                table: "OrganisationEditions",
                column: "RegionId",
                principalTable: "Organisations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationEditions_Organisations_IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropForeignKey(
                name: "FK_OrganisationEditions_Organisations_RegionId",
                table: "OrganisationEditions");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationEditions_IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropIndex(
                name: "IX_OrganisationEditions_RegionId",
                table: "OrganisationEditions");

            migrationBuilder.DropColumn(
                name: "IcbId",
                table: "OrganisationEditions");

            migrationBuilder.DropColumn(
                name: "RegionId",
                table: "OrganisationEditions");
        }
    }
}
