<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Skip bad rows and import %n row(s)</source>
        <translation>
            <numerusform>Skip bad rows and import %n row</numerusform>
            <numerusform>Skip bad rows and import %n rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bad row(s) were skipped.</source>
        <translation>
            <numerusform>%n bad row was skipped.</numerusform>
            <numerusform>%n bad rows were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n page</numerusform>
            <numerusform>%n pages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordTableTab</name>
    <message numerus="yes">
        <source>%n record(s) shown</source>
        <translation>
            <numerusform>%n record shown</numerusform>
            <numerusform>%n records shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TalksPage</name>
    <message numerus="yes">
        <source>%n talk(s) in this period</source>
        <translation>
            <numerusform>%n talk in this period</numerusform>
            <numerusform>%n talks in this period</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WarningsPage</name>
    <message numerus="yes">
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n day overdue</numerusform>
            <numerusform>%n days overdue</numerusform>
        </translation>
    </message>
</context>
</TS>
