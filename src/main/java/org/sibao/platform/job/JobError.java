package org.sibao.platform.job;

import java.util.List;

/** A rejected item of a job: its row number (as the user sees it in the file) and the reasons, localised. */
public record JobError(int row, List<String> reasons) {
}
