using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace LutonCancerSurvey.Core.Data;

internal sealed class DateTimeOffsetToUtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
