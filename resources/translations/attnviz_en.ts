<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>attnviz::ui::CostPanel</name>
    <message numerus="yes">
        <source>%n head(s) of dk = %1, dv = %2 beside one head of dk = %3, dv = %4</source>
        <translation>
            <numerusform>%n head of dk = %1, dv = %2 beside one head of dk = %3, dv = %4</numerusform>
            <numerusform>%n heads of dk = %1, dv = %2 beside one head of dk = %3, dv = %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Each of the %n head(s) owns %1 parameters; the one wide head owns %2. In total: %3 against %4.</source>
        <translation>
            <numerusform>The %n head owns %1 parameters; the one wide head owns %2. In total: %3 against %4.</numerusform>
            <numerusform>Each of the %n heads owns %1 parameters; the one wide head owns %2. In total: %3 against %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s): total</source>
        <translation>
            <numerusform>%n head: total</numerusform>
            <numerusform>%n heads: total</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::DifferenceView</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n head</numerusform>
            <numerusform>%n heads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::FigureRenderer</name>
    <message numerus="yes">
        <source>%n head(s)</source>
        <translation>
            <numerusform>%n head</numerusform>
            <numerusform>%n heads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::HeadSimilarityView</name>
    <message numerus="yes">
        <source>Layer %1: distance between %n head(s)</source>
        <translation>
            <numerusform>Layer %1: distance between %n head</numerusform>
            <numerusform>Layer %1: distance between %n heads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Distance between %n head(s)</source>
        <translation>
            <numerusform>Distance between %n head</numerusform>
            <numerusform>Distance between %n heads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::MetricsDock</name>
    <message numerus="yes">
        <source>Layer %1 · %n head(s) · hover a role for its numbers</source>
        <translation>
            <numerusform>Layer %1 · %n head · hover a role for its numbers</numerusform>
            <numerusform>Layer %1 · %n heads · hover a role for its numbers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelSelector</name>
    <message numerus="yes">
        <source>%n head(s), trained like the others (equal width and steps); validation loss %1 nats per token</source>
        <translation>
            <numerusform>%n head, trained like the others (equal width and steps); validation loss %1 nats per token</numerusform>
            <numerusform>%n heads, trained like the others (equal width and steps); validation loss %1 nats per token</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::ModelView</name>
    <message numerus="yes">
        <source>%n special token(s) hidden: rows sum to less than 1.</source>
        <translation>
            <numerusform>%n special token hidden: rows sum to less than 1.</numerusform>
            <numerusform>%n special tokens hidden: rows sum to less than 1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sub-word pieces merged into %n word(s).</source>
        <translation>
            <numerusform>Sub-word pieces merged into %n word.</numerusform>
            <numerusform>Sub-word pieces merged into %n words.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::PanelSpecs</name>
    <message numerus="yes">
        <source>Mean of %n head(s)</source>
        <translation>
            <numerusform>Mean of %n head</numerusform>
            <numerusform>Mean of %n heads</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StatusText</name>
    <message numerus="yes">
        <source>%n token(s)</source>
        <translation>
            <numerusform>%n token</numerusform>
            <numerusform>%n tokens</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::StepDiagram</name>
    <message numerus="yes">
        <source>concat of %n head(s)</source>
        <translation>
            <numerusform>concat of %n head</numerusform>
            <numerusform>concat of %n heads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more term(s)</source>
        <translation>
            <numerusform>%n more term</numerusform>
            <numerusform>%n more terms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>attnviz::ui::WeightsQuestions</name>
    <message numerus="yes">
        <source>%n head(s) (dk = %1, dv = %2) — the file&apos;s num_heads</source>
        <translation>
            <numerusform>%n head (dk = %1, dv = %2) — the file&apos;s num_heads</numerusform>
            <numerusform>%n heads (dk = %1, dv = %2) — the file&apos;s num_heads</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n head(s) (dk = %1, dv = %2)</source>
        <translation>
            <numerusform>%n head (dk = %1, dv = %2)</numerusform>
            <numerusform>%n heads (dk = %1, dv = %2)</numerusform>
        </translation>
    </message>
</context>
</TS>
