-- Arrivals registered before observation ends were recorded: 7 days from the arrival date.
UPDATE epi_arrival SET observation_ends_on = arrival_date + 7 WHERE observation_ends_on IS NULL;
