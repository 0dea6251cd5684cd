BeforeDiscovery {
    # Every scheme of every toolkit the emulator serves: its built-in catalog plus a toolkit whose
    # field names clash with everything a cmdlet already has.
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    $toolkits = @(Get-Content -Raw (Join-Path $root 'src/Composio.Emulator/Catalog/catalog.json') | ConvertFrom-Json) +
        @(Get-Content -Raw (Join-Path $PSScriptRoot 'TestData/awkward-catalog.json') | ConvertFrom-Json)
    $schemeCases = foreach ($toolkit in $toolkits) {
        foreach ($detail in $toolkit.auth_config_details) {
            $creation = $detail.fields.auth_config_creation
            @{
                Toolkit = $toolkit.slug
                Scheme  = $detail.mode
                # Fields hidden from the user (user_visible false) get no parameter and are not sent.
                Fields  = @(@($creation.required) + @($creation.optional) | Where-Object { $_ -and $_.user_visible -ne $false } | ForEach-Object name | Select-Object -Unique)
            }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'AuthConfigTestSupport.ps1')
    $emulator = Start-TestEmulator -Catalog (Join-Path $PSScriptRoot 'TestData/awkward-catalog.json')
    $staticParameters = (Get-Command New-ComposioAuthConfig).Parameters
    $taken = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
    foreach ($parameter in $staticParameters.Values) { $taken.Add($parameter.Name) | Out-Null; $parameter.Aliases | ForEach-Object { $taken.Add($_) | Out-Null } }
    # Dynamic parameters offered by completion after this command line.
    function Get-FieldParameter([string] $Line) {
        Get-Completion "$Line -" | Where-Object { $_.ResultType -eq 'ParameterName' -and -not $staticParameters.ContainsKey($_.CompletionText.TrimStart('-')) }
    }
}
AfterAll { Stop-TestEmulator $emulator }

Describe 'Dynamic field parameters: every scheme of every toolkit' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It '<Toolkit> <Scheme>: valid, unique, clash-free names that put every field on the wire' -ForEach $schemeCases {
        $parameters = @(Get-FieldParameter "New-ComposioAuthConfig -Toolkit $Toolkit -Type Custom -AuthScheme $Scheme")
        $covered = @($Fields | Where-Object { $_ -notin 'scopes', 'oauth_redirect_uri' })
        $parameters.Count | Should -Be $covered.Count
        $names = @($parameters | ForEach-Object { $_.CompletionText.TrimStart('-') })
        foreach ($name in $names) {
            $name | Should -Match '^\p{L}[\p{L}\p{Nd}]*$'
            $taken.Contains($name) | Should -BeFalse -Because "-$name must not clash with a static or common parameter or alias"
        }
        @($names | Sort-Object -Unique).Count | Should -Be $names.Count

        # Give every parameter a value and check each lands under its own field name.
        $splat = @{}
        foreach ($parameter in $parameters) {
            $name = $parameter.CompletionText.TrimStart('-')
            $splat[$name] = if ($parameter.ToolTip -like '`[securestring`]*') { ConvertTo-Secure "v-$name" } else { "v-$name" }
        }
        if ('scopes' -in $Fields) { $splat.Scope = 'one', 'two' }
        if ('oauth_redirect_uri' -in $Fields) { $splat.RedirectUri = 'https://example.org/callback' }
        New-ComposioAuthConfig -Toolkit $Toolkit -Type Custom -AuthScheme $Scheme @splat -ErrorAction SilentlyContinue -WarningAction SilentlyContinue | Out-Null
        $sent = (Get-CreateRequest $emulator)[0].body.auth_config.credentials
        $sentNames = if ($sent) { @($sent.PSObject.Properties.Name) } else { @() }
        ($sentNames | Sort-Object) -join '|' | Should -Be (($Fields | Sort-Object) -join '|')
    }
}

Describe 'Dynamic field parameters: naming' {
    BeforeAll {
        $byField = @{}
        foreach ($parameter in Get-FieldParameter 'New-ComposioAuthConfig -Toolkit awkward -Type Custom -AuthScheme API_KEY') {
            if ($parameter.ToolTip -match "Credential field '([^']+)'") { $byField[$Matches[1]] = $parameter.CompletionText.TrimStart('-') }
        }
    }

    It 'names <Field> as -<Expected>' -ForEach @(
        @{ Field = 'auth_scheme'; Expected = 'AuthSchemeField' }
        @{ Field = 'ea'; Expected = 'EaField' }
        @{ Field = 'vb'; Expected = 'VbField' }
        @{ Field = 'ov'; Expected = 'OvField' }
        @{ Field = '2fa_code'; Expected = 'Field2faCode' }
        @{ Field = 'name'; Expected = 'NameField2' }
        @{ Field = 'name_field'; Expected = 'NameField' }
        @{ Field = 'credentials'; Expected = 'CredentialsField' }
        @{ Field = 'scope'; Expected = 'ScopeField' }
        @{ Field = 'whatif'; Expected = 'WhatifField' }
        @{ Field = 'Confirm'; Expected = 'ConfirmField' }
        @{ Field = 'type'; Expected = 'TypeField' }
        @{ Field = 'pipeline_variable'; Expected = 'PipelineVariableField' }
        @{ Field = 'progress_action'; Expected = 'ProgressActionField' }
        @{ Field = 'tools_for_connected_account_creation'; Expected = 'ToolsForConnectedAccountCreationField' }
        @{ Field = 'redirect_uri'; Expected = 'RedirectUriField' }
        @{ Field = 'x.y'; Expected = 'XY' }
        @{ Field = '---'; Expected = 'Field' }
        @{ Field = 'client-id'; Expected = 'ClientId' }
        @{ Field = 'clientId'; Expected = 'ClientId2' }
        @{ Field = 'client_id'; Expected = 'ClientId3' }
        @{ Field = 'Force'; Expected = 'Force' }
    ) {
        $byField[$Field] | Should -BeExactly $Expected
    }

    It 'maps scopes and oauth_redirect_uri onto -Scope and -RedirectUri instead of new parameters' {
        $byField.Keys | Should -Not -Contain 'scopes'
        $byField.Keys | Should -Not -Contain 'oauth_redirect_uri'
    }

    It 'gives the standard clashes of the sendgrid toolkit a Field suffix' {
        $names = (Get-FieldParameter 'New-ComposioAuthConfig sendgrid -Type Custom -AuthScheme API_KEY').CompletionText
        $names | Should -Contain '-VerboseField'
        $names | Should -Contain '-DebugField'
        $names | Should -Contain '-ErrorActionField'
        $names | Should -Contain '-ApiKey'
    }

    It 'takes SecureString for secret fields and keeps the field name and description in the help' {
        $parameters = Get-FieldParameter 'New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2'
        $secret = $parameters | Where-Object CompletionText -eq '-ClientSecret'
        $secret.ToolTip | Should -BeLike '`[securestring`]*'
        $secret.ToolTip | Should -Match "Credential field 'client_secret' \(Client secret\), required: Client secret of the app"
        ($parameters | Where-Object CompletionText -eq '-ClientId').ToolTip | Should -BeLike '`[string`]*'
        # Named like a key, though not marked secret: still a SecureString.
        (Get-FieldParameter 'New-ComposioAuthConfig snowflake -Type Custom -AuthScheme BASIC_WITH_JWT' | Where-Object CompletionText -eq '-PrivateKey').ToolTip | Should -BeLike '`[securestring`]*'
    }

    It 'makes no field parameter Mandatory' {
        $command = Get-Command New-ComposioAuthConfig -ArgumentList 'github'
        $command.Parameters.ClientId | Should -Not -BeNullOrEmpty
        $command.Parameters.ClientId.Attributes.Where({ $_ -is [System.Management.Automation.ParameterAttribute] }).Mandatory | Should -Not -Contain $true
    }
}

Describe 'Dynamic field parameters: when there are none' {
    It 'offers none and throws nothing for <Case>' -ForEach @(
        @{ Case = 'no toolkit yet'; Line = 'New-ComposioAuthConfig -Type Custom' }
        @{ Case = 'an unknown toolkit'; Line = 'New-ComposioAuthConfig -Toolkit nosuchtoolkit -Type Custom -AuthScheme OAUTH2' }
        @{ Case = 'a malformed slug'; Line = 'New-ComposioAuthConfig -Toolkit "../x" -Type Custom -AuthScheme OAUTH2' }
        @{ Case = 'an unknown scheme'; Line = 'New-ComposioAuthConfig -Toolkit github -Type Custom -AuthScheme SAML' }
        @{ Case = 'custom auth on a several-scheme toolkit without a scheme'; Line = 'New-ComposioAuthConfig -Toolkit notion -Type Custom' }
    ) {
        Get-FieldParameter $Line | Should -BeNullOrEmpty
    }

    It 'offers the managed scheme''s fields when the toolkit has one managed scheme' {
        (Get-FieldParameter 'New-ComposioAuthConfig -Toolkit notion').CompletionText | Should -Contain '-ClientId'
    }

    It 'offers none when not connected, without an error' {
        $lines = Invoke-FreshPwsh "`$env:COMPOSIO_API_KEY = `$null; `$l = 'New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Cl'; 'N=' + @((TabExpansion2 `$l `$l.Length).CompletionMatches).Count; 'E=' + `$Error.Count"
        $lines | Should -Contain 'N=0'
        $lines | Should -Contain 'E=0'
    }
}

Describe 'Tab completion' {
    BeforeEach { Reset-ComposioEmulator $emulator }

    It 'completes toolkit slugs' {
        (Get-Completion 'New-ComposioAuthConfig -Toolkit no').CompletionText | Should -Be @('notion')
        (Get-Completion 'Get-ComposioAuthConfigField hub').CompletionText | Should -Be @('hubspot')
    }

    It 'completes the schemes of the bound toolkit' {
        (Get-Completion 'New-ComposioAuthConfig -Toolkit notion -AuthScheme ').CompletionText | Should -Be @('OAUTH2', 'API_KEY')
        (Get-Completion 'Get-ComposioAuthConfigField -Toolkit outlook -AuthScheme S').CompletionText | Should -Be @('S2S_OAUTH2')
    }

    It 'completes field parameters by prefix' {
        (Get-Completion 'New-ComposioAuthConfig -Toolkit outlook -Type Custom -AuthScheme S2S_OAUTH2 -Gen').CompletionText | Should -Be @('-GenericId')
        (Get-Completion 'New-ComposioAuthConfig notion -Type Custom -AuthScheme OAUTH2 -Client').CompletionText | Should -Be @('-ClientId', '-ClientSecret')
    }

    It 'binds field parameters after a positional toolkit' {
        New-ComposioAuthConfig outlook -Type Custom -AuthScheme S2S_OAUTH2 -ClientId c -ClientSecret (ConvertTo-Secure s) -GenericId t | Out-Null
        (Get-CreateRequest $emulator)[0].body.auth_config.credentials.generic_id | Should -Be 't'
    }

    It 'completes from the disk cache in a new session, without a request' {
        # This session has fetched the slug list and notion; a new one must need neither.
        Get-Completion 'New-ComposioAuthConfig -Toolkit no' | Out-Null
        Get-FieldParameter 'New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2' | Out-Null
        Clear-ComposioEmulatorRequest $emulator
        $lines = Invoke-FreshPwsh @"
Connect-Composio -ApiKey (ConvertTo-SecureString '$($emulator.ApiKey)' -AsPlainText -Force) -BaseUri '$($emulator.BaseUri)' -SkipCheck | Out-Null
`$l = 'New-ComposioAuthConfig -Toolkit no'; 'T=' + ((TabExpansion2 `$l `$l.Length).CompletionMatches.CompletionText -join ',')
`$l = 'New-ComposioAuthConfig -Toolkit notion -AuthScheme '; 'S=' + ((TabExpansion2 `$l `$l.Length).CompletionMatches.CompletionText -join ',')
`$l = 'New-ComposioAuthConfig -Toolkit notion -Type Custom -AuthScheme OAUTH2 -Cl'; 'F=' + ((TabExpansion2 `$l `$l.Length).CompletionMatches.CompletionText -join ',')
"@
        $lines | Should -Contain 'T=notion'
        $lines | Should -Contain 'S=OAUTH2,API_KEY'
        $lines | Should -Contain 'F=-ClientId,-ClientSecret'
        Get-WireRequest $emulator | Should -BeNullOrEmpty
    }
}
