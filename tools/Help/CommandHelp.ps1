# Turns a parsed cmdlet page (Read-HelpMarkdown) into a command model, and writes that model as a
# MAML <command:command> with an XmlWriter, in the shape Get-Help reads for binary modules.
# A missing section yields an empty part; sections the schema does not know are ignored.

$script:MamlNs = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
    MSHelp  = 'http://msdn.microsoft.com/mshelp'
}

function ConvertTo-CommandHelp {
    param([Parameter(Mandatory)] $Doc)

    $section = { param($name) $Doc.Sections[$name] }
    $subsOf = { param($name) $s = $Doc.Sections[$name]; if ($s) { $s.Subsections } }
    $textOf = { param($name) $s = & $section $name; if ($s) { ConvertTo-HelpParagraph $s.Lines } else { @() } }

    $name = $Doc.Title.Trim()
    $verb, $noun = $name -split '-', 2

    # Parameter-set names come from the SYNTAX headings ('List (Default)'); one unnamed block means one set.
    $sets = [System.Collections.Generic.List[string]]::new()
    if ($syntax = & $section 'SYNTAX') {
        foreach ($sub in $syntax.Subsections) { $sets.Add(($sub.Title -replace '\s*\(Default\)\s*$', '').Trim()) }
    }

    $parameters = [System.Collections.Generic.List[object]]::new()
    if ($params = & $section 'PARAMETERS') {
        foreach ($sub in $params.Subsections) {
            if ($sub.Title -notmatch '^-(\S+)') { continue }   # CommonParameters and any other note
            $blocks = Split-MarkdownBlock $sub.Lines
            $yaml = [System.Collections.Generic.List[hashtable]]::new()
            $text = [System.Collections.Generic.List[string]]::new()
            foreach ($block in $blocks) {
                if ($block.Kind -eq 'Text') { $text.AddRange($block.Lines) }
                elseif ($block.Language -eq 'yaml') { $yaml.Add((ConvertFrom-ParameterYaml $block.Lines)) }
            }
            if ($yaml.Count -eq 0) { $yaml.Add(@{}) }
            $parameters.Add([pscustomobject]@{ Name = $Matches[1]; Description = ConvertTo-HelpParagraph $text; Yaml = $yaml })
        }
    }

    $examples = foreach ($sub in @(& $subsOf 'EXAMPLES')) {
        $code = [System.Collections.Generic.List[string]]::new()
        $remarks = [System.Collections.Generic.List[string]]::new()
        foreach ($block in Split-MarkdownBlock $sub.Lines) {
            # The first fenced block is the example; later ones (output, more commands) are remarks.
            if ($block.Kind -eq 'Code' -and $code.Count -eq 0) { $code.Add(($block.Lines -join "`n")) }
            else { $remarks.AddRange([string[]]@(ConvertTo-HelpParagraph $(if ($block.Kind -eq 'Code') { @('```') + $block.Lines + '```' } else { $block.Lines }))) }
        }
        [pscustomobject]@{ Title = $sub.Title; Code = $code -join "`n`n"; Remarks = $remarks.ToArray() }
    }

    $typesOf = {
        param($name)
        foreach ($sub in @(& $subsOf $name)) {
            [pscustomobject]@{ Type = $sub.Title.Trim(); Description = ConvertTo-HelpParagraph $sub.Lines }
        }
    }

    [pscustomobject]@{
        Name          = $name
        Verb          = $verb
        Noun          = $noun
        Synopsis      = & $textOf 'SYNOPSIS'
        Description   = & $textOf 'DESCRIPTION'
        ParameterSets = $sets
        Parameters    = $parameters
        Examples      = @($examples)
        Inputs        = @(& $typesOf 'INPUTS')
        Outputs       = @(& $typesOf 'OUTPUTS')
        Notes         = & $textOf 'NOTES'
        Links         = @(Get-MarkdownLink $(if ($l = & $section 'RELATED LINKS') { $l.Lines } else { @() }))
        OnlineVersion = $Doc.FrontMatter['online version']
    }
}

# Thin wrappers over XmlWriter; the writer's own WriteElementString does the escaping.
function Write-MamlElement([System.Xml.XmlWriter] $W, [string] $Prefix, [string] $Name, [string] $Text) {
    $W.WriteElementString($Prefix, $Name, $script:MamlNs[$Prefix], $Text)
}

function Write-MamlParagraph([System.Xml.XmlWriter] $W, [string] $Prefix, [string] $Name, [string[]] $Paragraphs) {
    $W.WriteStartElement($Prefix, $Name, $script:MamlNs[$Prefix])
    foreach ($p in $Paragraphs) { $W.WriteElementString('maml', 'para', $script:MamlNs.maml, $p) }
    $W.WriteEndElement()
}

# The yaml block of a parameter that applies to a set ('(All)' applies to every set).
function Get-ParameterYaml($Parameter, [string] $Set) {
    foreach ($yaml in $Parameter.Yaml) {
        $sets = "$($yaml['Parameter Sets'])".Split(',').Trim()
        if (-not $Set -or -not $yaml['Parameter Sets'] -or $sets -contains '(All)' -or $sets -contains $Set) { return $yaml }
    }
}

function Write-MamlParameter([System.Xml.XmlWriter] $W, $Parameter, [hashtable] $Yaml, [switch] $InSyntax) {
    $type = if ($Yaml['Type']) { $Yaml['Type'] } else { 'Object' }
    $position = if ($Yaml['Position'] -match '^\d+$') { $Yaml['Position'] } else { 'named' }
    $aliases = if ($Yaml['Aliases']) { $Yaml['Aliases'] } else { 'none' }
    $isSwitch = $type -eq 'SwitchParameter'
    $values = @(foreach ($v in "$($Yaml['Accepted values'])".Split(',')) { if ($v.Trim()) { $v.Trim() } })

    $W.WriteStartElement('command', 'parameter', $script:MamlNs.command)
    $W.WriteAttributeString('required', "$($Yaml['Required'] -eq 'True')".ToLowerInvariant())
    $W.WriteAttributeString('variableLength', "$($type.EndsWith('[]'))".ToLowerInvariant())
    $W.WriteAttributeString('globbing', "$($Yaml['Accept wildcard characters'] -eq 'True')".ToLowerInvariant())
    $W.WriteAttributeString('pipelineInput', $(if ($Yaml['Accept pipeline input']) { $Yaml['Accept pipeline input'] } else { 'False' }))
    $W.WriteAttributeString('position', $position)
    $W.WriteAttributeString('aliases', $aliases)
    Write-MamlElement $W 'maml' 'name' $Parameter.Name
    Write-MamlParagraph $W 'maml' 'description' $Parameter.Description
    if ($InSyntax -and $values.Count) {
        # Get-Help shows a set of accepted values as {a | b} in the syntax.
        $W.WriteStartElement('command', 'parameterValueGroup', $script:MamlNs.command)
        foreach ($v in $values) {
            $W.WriteStartElement('command', 'parameterValue', $script:MamlNs.command)
            $W.WriteAttributeString('required', 'false')
            $W.WriteAttributeString('command', 'variableLength', $script:MamlNs.command, 'false')
            $W.WriteString($v)
            $W.WriteEndElement()
        }
        $W.WriteEndElement()
    }
    elseif (-not ($InSyntax -and $isSwitch)) {
        $W.WriteStartElement('command', 'parameterValue', $script:MamlNs.command)
        $W.WriteAttributeString('required', "$(-not $isSwitch)".ToLowerInvariant())
        $W.WriteAttributeString('variableLength', 'false')
        $W.WriteString($type)
        $W.WriteEndElement()
    }
    $W.WriteStartElement('dev', 'type', $script:MamlNs.dev)
    Write-MamlElement $W 'maml' 'name' $type
    Write-MamlElement $W 'maml' 'uri' ''
    $W.WriteEndElement()
    Write-MamlElement $W 'dev' 'defaultValue' $(if ($Yaml['Default value']) { $Yaml['Default value'] } else { 'None' })
    $W.WriteEndElement()
}

function Write-MamlTypeList([System.Xml.XmlWriter] $W, [string] $ListName, [string] $ItemName, $Types) {
    $W.WriteStartElement('command', $ListName, $script:MamlNs.command)
    foreach ($t in $Types) {
        $W.WriteStartElement('command', $ItemName, $script:MamlNs.command)
        $W.WriteStartElement('dev', 'type', $script:MamlNs.dev)
        Write-MamlElement $W 'maml' 'name' $t.Type
        $W.WriteEndElement()
        Write-MamlParagraph $W 'maml' 'description' $t.Description
        $W.WriteEndElement()
    }
    $W.WriteEndElement()
}

function Write-MamlCommand {
    param([Parameter(Mandatory)] [System.Xml.XmlWriter] $W, [Parameter(Mandatory)] $Help)

    $W.WriteStartElement('command', 'command', $script:MamlNs.command)
    foreach ($prefix in 'maml', 'command', 'dev', 'MSHelp') { $W.WriteAttributeString('xmlns', $prefix, $null, $script:MamlNs[$prefix]) }

    $W.WriteStartElement('command', 'details', $script:MamlNs.command)
    Write-MamlElement $W 'command' 'name' $Help.Name
    Write-MamlElement $W 'command' 'verb' $Help.Verb
    Write-MamlElement $W 'command' 'noun' $Help.Noun
    Write-MamlParagraph $W 'maml' 'description' $Help.Synopsis
    $W.WriteEndElement()
    Write-MamlParagraph $W 'maml' 'description' $Help.Description

    $W.WriteStartElement('command', 'syntax', $script:MamlNs.command)
    $sets = if ($Help.ParameterSets.Count) { $Help.ParameterSets } else { @('') }
    foreach ($set in $sets) {
        $W.WriteStartElement('command', 'syntaxItem', $script:MamlNs.command)
        Write-MamlElement $W 'maml' 'name' $Help.Name
        # Positional parameters first, in position order, then the rest as the page lists them.
        $inSet = @(foreach ($p in $Help.Parameters) { if ($y = Get-ParameterYaml $p $set) { [pscustomobject]@{ P = $p; Y = $y } } })
        $positional = [System.Collections.Generic.SortedList[int, object]]::new()
        $named = [System.Collections.Generic.List[object]]::new()
        foreach ($item in $inSet) {
            if ("$($item.Y['Position'])" -match '^\d+$' -and -not $positional.ContainsKey([int]$Matches[0])) { $positional.Add([int]$Matches[0], $item) }
            else { $named.Add($item) }
        }
        foreach ($item in @($positional.Values) + @($named)) { Write-MamlParameter $W $item.P $item.Y -InSyntax }
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'parameters', $script:MamlNs.command)
    foreach ($p in $Help.Parameters) { Write-MamlParameter $W $p $p.Yaml[0] }
    $W.WriteEndElement()

    Write-MamlTypeList $W 'inputTypes' 'inputType' $Help.Inputs
    Write-MamlTypeList $W 'returnValues' 'returnValue' $Help.Outputs

    $W.WriteStartElement('maml', 'alertSet', $script:MamlNs.maml)
    Write-MamlParagraph $W 'maml' 'alert' $Help.Notes
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'examples', $script:MamlNs.command)
    foreach ($e in $Help.Examples) {
        $W.WriteStartElement('command', 'example', $script:MamlNs.command)
        Write-MamlElement $W 'maml' 'title' "-------------------------- $($e.Title) --------------------------"
        Write-MamlElement $W 'dev' 'code' $e.Code
        Write-MamlParagraph $W 'dev' 'remarks' $e.Remarks
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteStartElement('command', 'relatedLinks', $script:MamlNs.command)
    $links = @($Help.Links)
    if ($Help.OnlineVersion) { $links = @([pscustomobject]@{ Text = 'Online Version:'; Uri = $Help.OnlineVersion }) + $links }
    foreach ($link in $links) {
        $W.WriteStartElement('maml', 'navigationLink', $script:MamlNs.maml)
        Write-MamlElement $W 'maml' 'linkText' $link.Text
        # Links to sibling pages (Get-Foo.md) mean 'see that command': Get-Help shows the text alone.
        Write-MamlElement $W 'maml' 'uri' $(if ($link.Uri -match '^https?://') { $link.Uri } else { '' })
        $W.WriteEndElement()
    }
    $W.WriteEndElement()

    $W.WriteEndElement()
}
