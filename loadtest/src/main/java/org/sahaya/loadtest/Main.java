package org.sahaya.loadtest;

import org.sahaya.loadtest.city.CityMain;
import org.sahaya.loadtest.city.CityOptions;
import org.sahaya.loadtest.single.SingleStreamMain;

/**
 * The load tool's command line: {@code --scenario city} runs the city scenario ({@link CityMain}),
 * anything else the single-stream mode ({@link SingleStreamMain}).
 * <p>
 * Exit code: 0 done, 1 the node failed us (unreachable, or an incident invariant broke), 2 usage.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        return CityOptions.wanted(args) ? CityMain.run(args, command(args)) : SingleStreamMain.run(args, command(args));
    }

    /** As the operator typed it: a wrapper such as {@code ./sahaya loadtest-city} passes its own command line. */
    private static String command(String[] args) {
        String wrapped = System.getProperty("sahaya.loadtest.command");
        return wrapped != null ? wrapped : "./sahaya loadtest "
                + String.join(" ", args);
    }
}
