package io.tenantry.workspace.runs;

import java.io.Serializable;

import io.tenantry.faces.LazyList;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The list of test runs, newest first unless sorted otherwise. */
@Named
@ViewScoped
public class RunsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RunViews runViews;

    private final LazyList<RunView> list = new LazyList<>(query -> runViews.runs(query), RunView::id);

    public LazyList<RunView> getList() {
        return list;
    }
}
