package org.sibao.platform.web;

import java.util.List;

/** Implemented by modules that put figures on the signed-in user's home page (they read the user themselves). */
public interface HomeCards {

    List<HomeCard> forCurrentUser();
}
