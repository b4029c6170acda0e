-- Arrivals registered before observation ends were recorded: 7 days from the arrival date.
UPDATE epi_arrival SET observation_ends_on = DATEADD(DAY, 7, arrival_date) WHERE observation_ends_on IS NULL;
