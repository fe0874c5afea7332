package io.recoup.sepa.camt;

import io.recoup.sepa.xml.ElementStack;
import io.recoup.sepa.xml.XmlProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the problems of one reading at the current element's path and line, and passes each to the handler.
 * The list is capped: a hostile or badly broken file must not grow memory without bound, so after
 * {@link CamtReader#MAX_PROBLEMS} the reading stops with one last problem saying so.
 */
final class Problems {
    private final String origin;
    private final ElementStack path;
    private final CamtHandler handler;
    private final List<XmlProblem> recorded = new ArrayList<>();

    Problems(String origin, ElementStack path, CamtHandler handler) {
        this.origin = origin;
        this.path = path;
        this.handler = handler;
    }

    /** Records a problem at the element being read (its start line and path). */
    void here(String message) {
        at(path.line(), message);
    }

    /** Records a problem at the current path but a given line, used where the parser knows the line better. */
    void at(int line, String message) {
        if (limitReached()) {
            return;
        }
        add(new XmlProblem(origin, line, path.absolute(), message));
        if (limitReached()) {
            add(new XmlProblem(origin, line, path.absolute(),
                    "reading stopped after " + CamtReader.MAX_PROBLEMS + " problems; the rest of the file was not read"));
        }
    }

    boolean limitReached() {
        return recorded.size() >= CamtReader.MAX_PROBLEMS;
    }

    List<XmlProblem> list() {
        return recorded;
    }

    private void add(XmlProblem problem) {
        recorded.add(problem);
        handler.onProblem(problem);
    }
}
