// Command local-cases tries the configuration of examples/complete-domain
// on a local cases-emulator with the stock AWS SDK for Go: it creates a
// case that the template refuses (a required field is missing), one it
// accepts, and one that the hidden case rule affects, then prints the
// EventBridge events the emulator recorded for the domain.
//
//	go run ./examples/local-cases -domain-id ID -template-id ID
//
// The endpoint comes from AWS_ENDPOINT_URL_CONNECTCASES (the emulator, for
// example http://127.0.0.1:4590), the region and credentials from the usual
// AWS environment; see README.md beside this file.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/connectcases"
	"github.com/aws/aws-sdk-go-v2/service/connectcases/types"
)

func main() {
	domainID := flag.String("domain-id", "", "the domain of examples/complete-domain (terraform output domain_id)")
	templateID := flag.String("template-id", "", `the "Insurance claim" template (terraform output templates)`)
	flag.Parse()
	endpoint := os.Getenv("AWS_ENDPOINT_URL_CONNECTCASES")
	if *domainID == "" || *templateID == "" || endpoint == "" {
		log.Fatal("need -domain-id, -template-id and AWS_ENDPOINT_URL_CONNECTCASES (the emulator)")
	}
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		log.Fatal(err)
	}
	client := connectcases.NewFromConfig(cfg)

	ids, err := fieldIDs(ctx, client, *domainID)
	if err != nil {
		log.Fatal(err)
	}
	str := func(s string) types.FieldValueUnion { return &types.FieldValueUnionMemberStringValue{Value: s} }
	field := func(id string, v types.FieldValueUnion) types.FieldValue {
		return types.FieldValue{Id: aws.String(id), Value: v}
	}
	claim := []types.FieldValue{
		field("title", str("Hail damage to the roof")),
		field("customer_id", str("arn:aws:profile:us-west-2:123456789012:domains/claims/profiles/0001")),
		field(ids["Customer tier"], str("bronze")),
	}
	withPolicy := append([]types.FieldValue{field(ids["Policy number"], str("POL-1234"))}, claim...)
	escalated := append([]types.FieldValue{field(ids["Escalated"], &types.FieldValueUnionMemberBooleanValue{Value: true})}, withPolicy...)

	create := func(what string, fields []types.FieldValue) {
		out, err := client.CreateCase(ctx, &connectcases.CreateCaseInput{DomainId: domainID, TemplateId: templateID, Fields: fields})
		var refused *types.ValidationException
		switch {
		case errors.As(err, &refused):
			fmt.Printf("REFUSED  %s\n         %s\n", what, aws.ToString(refused.Message))
		case err != nil:
			log.Fatalf("%s: %v", what, err)
		default:
			fmt.Printf("ACCEPTED %s: case %s\n", what, aws.ToString(out.CaseId))
		}
	}
	create("a claim without its policy number (required by the template)", claim)
	create("a claim with its policy number", withPolicy)
	create("a bronze claim marked escalated (hidden by 'Escalation only for valuable claims')", escalated)

	resp, err := http.Get(endpoint + "/_emulator/events?domainId=" + *domainID)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		log.Fatal(err)
	}
	var events struct {
		Events []json.RawMessage `json:"events"`
	}
	if err := json.Unmarshal(body, &events); err != nil {
		log.Fatalf("GET /_emulator/events: %s", body)
	}
	fmt.Printf("\n%d EventBridge event(s) for the domain:\n", len(events.Events))
	for _, ev := range events.Events {
		var pretty any
		_ = json.Unmarshal(ev, &pretty)
		out, _ := json.MarshalIndent(pretty, "", "  ")
		fmt.Println(string(out))
	}
}

// fieldIDs maps the domain's field names to their ids.
func fieldIDs(ctx context.Context, client *connectcases.Client, domainID string) (map[string]string, error) {
	ids := map[string]string{}
	paginator := connectcases.NewListFieldsPaginator(client, &connectcases.ListFieldsInput{DomainId: aws.String(domainID)})
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, f := range page.Fields {
			ids[aws.ToString(f.Name)] = aws.ToString(f.FieldId)
		}
	}
	for _, name := range []string{"Policy number", "Customer tier", "Escalated"} {
		if ids[name] == "" {
			return nil, fmt.Errorf("domain %s has no field %q: apply examples/complete-domain first", domainID, name)
		}
	}
	return ids, nil
}
